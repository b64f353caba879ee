package dev.aisle.behavior.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.behavior.BehaviorIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnalyticsEndpointsIntegrationTests extends BehaviorIntegrationTest {

    private static final String WEEK = "from=2025-06-02&to=2025-06-08";

    @BeforeEach
    void loadFixture() {
        assertThat(post("/api/v1/events", "application/x-ndjson", AnalyticsFixture.events()).status())
                .isEqualTo(200);
    }

    @Test
    void computesDailyKpisOfTheHandFixture() {
        JsonNode report = get("/api/v1/analytics/kpis?" + WEEK + "&interval=day").body();

        JsonNode total = report.get("total");
        assertThat(total.get("sessions").asLong()).isEqualTo(4);
        assertThat(total.get("uniqueUsers").asLong()).isEqualTo(3);
        assertThat(total.get("pageViews").asLong()).isEqualTo(4);
        assertThat(total.get("avgSessionDurationSeconds").asDouble()).isEqualTo(105.0);
        assertThat(total.get("pagesPerSession").asDouble()).isEqualTo(1.0);
        assertThat(total.get("bounceRate").asDouble()).isEqualTo(0.5);
        assertThat(total.get("conversionRate").asDouble()).isEqualTo(0.25);
        assertThat(total.get("revenue").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(total.get("orders").asLong()).isEqualTo(1);
        assertThat(total.get("averageOrderValue").decimalValue()).isEqualByComparingTo("80.00");
        JsonNode series = report.get("series");
        assertThat(series.size()).isEqualTo(7);
        assertThat(series.get(0).get("period").asString()).isEqualTo("2025-06-02");
        assertThat(series.get(0).get("sessions").asLong()).isEqualTo(2);
        assertThat(series.get(0).get("avgSessionDurationSeconds").asDouble()).isEqualTo(150.0);
        assertThat(series.get(0).get("conversionRate").asDouble()).isEqualTo(0.5);
        assertThat(series.get(1).get("pageViews").asLong()).isEqualTo(2);
        assertThat(series.get(1).get("bounceRate").asDouble()).isZero();
        assertThat(series.get(2).get("bounceRate").asDouble()).isEqualTo(1.0);
        assertThat(series.get(6).get("sessions").asLong()).isZero();
    }

    @Test
    void restrictsKpisToACategorySubtree() {
        JsonNode total = get("/api/v1/analytics/kpis?" + WEEK + "&interval=week&category=Sports").body()
                .get("total");

        assertThat(total.get("sessions").asLong()).isEqualTo(2);
        assertThat(total.get("uniqueUsers").asLong()).isEqualTo(1);
        assertThat(total.get("pageViews").asLong()).isEqualTo(2);
        assertThat(total.get("avgSessionDurationSeconds").asDouble()).isEqualTo(150.0);
        assertThat(total.get("bounceRate").asDouble()).isEqualTo(0.5);
        assertThat(total.get("revenue").decimalValue()).isEqualByComparingTo("80.00");
    }

    @Test
    void countsSessionFunnelStepsWithConversionAndDropOff() {
        JsonNode steps = get("/api/v1/analytics/funnel?" + WEEK + "&steps=view,add_to_cart,purchase").body()
                .get("steps");

        assertThat(steps.get(0).get("count").asLong()).isEqualTo(3);
        assertThat(steps.get(1).get("count").asLong()).isEqualTo(1);
        assertThat(steps.get(1).get("conversionFromPrevious").asDouble()).isEqualTo(0.333333);
        assertThat(steps.get(1).get("dropOff").asLong()).isEqualTo(2);
        assertThat(steps.get(2).get("count").asLong()).isEqualTo(1);
        assertThat(steps.get(2).get("conversionFromPrevious").asDouble()).isEqualTo(1.0);
    }

    @Test
    void limitsUserFunnelsToTheirWindow() {
        String range = "from=2025-06-02&to=2025-06-10&steps=view,purchase&withinDays=";

        JsonNode seven = get("/api/v1/analytics/funnel?" + range + "7").body().get("steps");
        JsonNode eight = get("/api/v1/analytics/funnel?" + range + "8").body().get("steps");

        assertThat(seven.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(seven.get(1).get("count").asLong()).isEqualTo(1);
        assertThat(eight.get(1).get("count").asLong()).isEqualTo(2);
    }

    @Test
    void tabulatesWeeklyRetention() {
        JsonNode cohort = get("/api/v1/analytics/cohorts?" + WEEK + "&weeks=2").body().get("cohorts").get(0);

        assertThat(cohort.get("week").asString()).isEqualTo("2025-06-02");
        assertThat(cohort.get("users").asLong()).isEqualTo(3);
        assertThat(cohort.get("retention").get(1).asDouble()).isEqualTo(0.333333);
        assertThat(cohort.get("retention").get(2).asDouble()).isZero();
    }

    @Test
    void ranksProductsCategoriesAndQueries() {
        JsonNode products = get("/api/v1/analytics/top-products?" + WEEK).body();
        JsonNode categories = get("/api/v1/analytics/top-categories?" + WEEK + "&level=1").body();
        JsonNode queries = get("/api/v1/analytics/top-queries?" + WEEK).body();
        JsonNode zero = get("/api/v1/analytics/zero-result-queries?" + WEEK).body();

        assertThat(products.get(0).get("productId").asString()).isEqualTo("hp-3");
        assertThat(products.get(0).get("views").asLong()).isEqualTo(2);
        assertThat(products.get(1).get("productId").asString()).isEqualTo("hp-1");
        assertThat(products.get(1).get("revenue").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(categories.get(0).get("category").asString()).isEqualTo("Home");
        assertThat(categories.get(1).get("category").asString()).isEqualTo("Sports");
        assertThat(categories.get(1).get("purchases").asLong()).isEqualTo(1);
        assertThat(queries.get(0).get("query").asString()).isEqualTo("hoverboard");
        assertThat(queries.get(1).get("query").asString()).isEqualTo("kettle");
        assertThat(zero.size()).isEqualTo(1);
        assertThat(zero.get(0).get("zeroResultSearches").asLong()).isEqualTo(1);
    }

    @Test
    void answersBadParametersWithProblem() {
        assertThat(get("/api/v1/analytics/kpis?from=2025-06-08&to=2025-06-02").status()).isEqualTo(400);
        Answer interval = get("/api/v1/analytics/kpis?" + WEEK + "&interval=fortnight");
        assertThat(interval.status()).isEqualTo(400);
        assertThat(interval.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/v1/analytics/funnel?" + WEEK + "&steps=view,teleport").status()).isEqualTo(400);
        assertThat(get("/api/v1/analytics/kpis?from=June&to=2025-06-02").status()).isEqualTo(400);
        assertThat(get("/api/v1/analytics/top-products?" + WEEK + "&metric=likes").status()).isEqualTo(400);
    }

    @Test
    void profilesAUser() {
        JsonNode profile = get("/api/v1/analytics/users/fu1/profile").body();

        assertThat(profile.get("sessions").asLong()).isEqualTo(2);
        assertThat(profile.get("frequency").asLong()).isEqualTo(1);
        assertThat(profile.get("monetary").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(profile.get("events").asLong()).isEqualTo(6);
        assertThat(profile.get("lastActivity").asString()).isEqualTo("2025-06-03T09:02:00Z");
        assertThat(profile.get("favouriteCategories").get(0).get("name").asString())
                .isEqualTo("Sports > Basketball > Shoes");
        assertThat(profile.get("favouriteBrands").get(0).get("name").asString()).isEqualTo("Nike");
        assertThat(get("/api/v1/analytics/users/nobody/profile").status()).isEqualTo(404);
    }

    @Test
    void recomputesSegmentsAndAssignsEveryUser() {
        Answer recomputed = post("/api/v1/analytics/admin/segments/recompute", "application/json", "");
        JsonNode segments = get("/api/v1/analytics/segments").body().get("segments");

        assertThat(recomputed.status()).isEqualTo(200);
        folder.foldPending();
        long users = jdbc.sql("select count(distinct user_id) from behavior.sessions").query(Long.class).single();
        long sized = 0;
        for (JsonNode segment : segments) {
            sized += segment.get("size").asLong();
            assertThat(segment.get("label").asString()).isNotBlank();
        }
        assertThat(sized).isEqualTo(users);
        assertThat(get("/api/v1/analytics/users/fu1/segment").body().get("segmentId").isInt()).isTrue();
    }
}
