package dev.aisle.behavior.analytics;

/**
 * A hand-computed fixture in the week of Monday 2025-06-02 (plus one session the week after), on the products of
 * {@code catalog-products.sql}: hp-1 (Sports > Basketball > Shoes), hp-2 (Sports > Basketball > Balls), hp-3
 * (Home > Kitchen).
 *
 * <pre>
 * fa  fu1 06-02 10:00 view hp-1, 10:01 add_to_cart hp-1, 10:05 purchase hp-1 80.00  → 3 events, 300 s, 1 pv, order
 * fb  fu2 06-02 12:00 view hp-3                                                       → bounce
 * fc  fu1 06-03 09:00 search "Kettle " (2 results), 09:00:30 view hp-3, 09:02 view hp-2 → 120 s, 2 pv
 * fd  fu3 06-04 15:00 search "hoverboard" (0 results)                                → bounce
 * fe  fu2 06-10 08:00 view hp-2, 08:10 purchase hp-2 60.00 (next week)
 * </pre>
 */
final class AnalyticsFixture {

    private AnalyticsFixture() {
    }

    static String events() {
        return String.join("\n",
                e("fx-1", "view", "fu1", "fa", "\"hp-1\"", "2025-06-02T10:00:00Z", ""),
                e("fx-2", "add_to_cart", "fu1", "fa", "\"hp-1\"", "2025-06-02T10:01:00Z", ",\"quantity\":1,\"value\":80.00"),
                e("fx-3", "purchase", "fu1", "fa", "\"hp-1\"", "2025-06-02T10:05:00Z", ",\"quantity\":1,\"value\":80.00"),
                e("fx-4", "view", "fu2", "fb", "\"hp-3\"", "2025-06-02T12:00:00Z", ""),
                e("fx-5", "search", "fu1", "fc", "null", "2025-06-03T09:00:00Z", ",\"query\":\"Kettle \",\"resultCount\":2"),
                e("fx-6", "view", "fu1", "fc", "\"hp-3\"", "2025-06-03T09:00:30Z", ""),
                e("fx-7", "view", "fu1", "fc", "\"hp-2\"", "2025-06-03T09:02:00Z", ""),
                e("fx-8", "search", "fu3", "fd", "null", "2025-06-04T15:00:00Z", ",\"query\":\"hoverboard\",\"resultCount\":0"),
                e("fx-9", "view", "fu2", "fe", "\"hp-2\"", "2025-06-10T08:00:00Z", ""),
                e("fx-10", "purchase", "fu2", "fe", "\"hp-2\"", "2025-06-10T08:10:00Z", ",\"quantity\":2,\"value\":60.00"))
                + "\n";
    }

    private static String e(String id, String type, String user, String session, String product, String at,
            String extra) {
        return "{\"eventId\":\"%s\",\"type\":\"%s\",\"userId\":\"%s\",\"sessionId\":\"%s\",\"productId\":%s,\"timestamp\":\"%s\"%s}"
                .formatted(id, type, user, session, product, at, extra);
    }
}
