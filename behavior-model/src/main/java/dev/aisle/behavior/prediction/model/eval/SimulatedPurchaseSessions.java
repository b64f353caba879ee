package dev.aisle.behavior.prediction.model.eval;

import dev.aisle.behavior.prediction.model.purchase.SessionEventFeatures;
import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.event.EventType;
import dev.aisle.common.product.Product;
import dev.aisle.simulator.ShopSimulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Purchase-intent examples from the shop simulator: one per session, in order of session start, holding the
 * events before the session's first purchase (the purchase and what follows it are never features) and whether a
 * purchase happened. The last kept event's dwell is 0, as for a session still in progress.
 * @param sessions features per session
 * @param purchased labels
 */
public record SimulatedPurchaseSessions(List<List<SessionEventFeatures>> sessions, boolean[] purchased) {

    /** Replays the simulation and builds the examples. */
    public static SimulatedPurchaseSessions from(ShopSimulator simulator) {
        Map<String, Product> products = new HashMap<>();
        for (Product p : simulator.products()) {
            products.put(p.id(), p);
        }
        Map<String, List<BehaviorEvent>> bySession = new LinkedHashMap<>();
        simulator.events().filter(e -> e.sessionId() != null)
                .forEach(e -> bySession.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e));
        List<List<SessionEventFeatures>> sessions = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (List<BehaviorEvent> events : bySession.values()) {
            int end = 0;
            while (end < events.size() && events.get(end).type() != EventType.PURCHASE) {
                end++;
            }
            List<SessionEventFeatures> features = new ArrayList<>(end);
            for (int i = 0; i < end; i++) {
                BehaviorEvent e = events.get(i);
                double dwell = i + 1 < end
                        ? Math.max(0, events.get(i + 1).timestamp().toEpochMilli() - e.timestamp().toEpochMilli()) / 1e3
                        : 0;
                Product p = e.productId() == null ? null : products.get(e.productId());
                double price = p == null || p.price() == null ? 0 : p.price().doubleValue();
                String category = p == null || p.categoryPath() == null || p.categoryPath().isEmpty() ? null
                        : p.categoryPath().get(0);
                features.add(new SessionEventFeatures(e.type().wireName(), dwell, price, category));
            }
            sessions.add(features);
            labels.add(end < events.size());
        }
        boolean[] purchased = new boolean[labels.size()];
        for (int i = 0; i < purchased.length; i++) {
            purchased[i] = labels.get(i);
        }
        return new SimulatedPurchaseSessions(sessions, purchased);
    }

    /** Sessions {@code [from, to)}. */
    public SimulatedPurchaseSessions slice(int from, int to) {
        boolean[] labels = new boolean[to - from];
        System.arraycopy(purchased, from, labels, 0, labels.length);
        return new SimulatedPurchaseSessions(sessions.subList(from, to), labels);
    }

    /** Share of sessions that end in a purchase. */
    public double purchaseRate() {
        int n = 0;
        for (boolean p : purchased) {
            n += p ? 1 : 0;
        }
        return purchased.length == 0 ? 0 : n / (double) purchased.length;
    }
}
