package dev.aisle.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.event.EventType;
import dev.aisle.common.product.Product;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShopSimulatorTests {

    static final SimulationParameters SMALL = SimulationParameters.defaults().withProducts(600).withUsers(150)
            .withDays(20).withSeed(7);

    /** The default simulation, generated once for the statistical checks. */
    static List<BehaviorEvent> defaultEvents;

    static List<Product> defaultProducts;

    @BeforeAll
    static void simulateDefaults() {
        ShopSimulator simulator = ShopSimulator.withDefaults();
        defaultProducts = simulator.products();
        defaultEvents = simulator.events().toList();
    }

    @Test
    void sameSeedGivesIdenticalProductsAndEvents() {
        ShopSimulator first = new ShopSimulator(SMALL);
        ShopSimulator second = new ShopSimulator(SMALL);
        assertThat(second.products()).isEqualTo(first.products());
        List<BehaviorEvent> events = first.events().toList();
        assertThat(events).hasSizeGreaterThan(1000);
        assertThat(second.events().toList()).isEqualTo(events);
        assertThat(first.events().toList()).as("a replay of the same simulator").isEqualTo(events);
    }

    @Test
    void anotherSeedGivesAnotherShop() {
        ShopSimulator first = new ShopSimulator(SMALL);
        ShopSimulator other = new ShopSimulator(SMALL.withSeed(8));
        assertThat(other.products()).isNotEqualTo(first.products());
        assertThat(other.events().limit(100).toList()).isNotEqualTo(first.events().limit(100).toList());
    }

    @Test
    void defaultCatalogueHasAThreeLevelTreeAndSomeChineseTitles() {
        assertThat(defaultProducts).hasSize(5000);
        assertThat(defaultProducts).allSatisfy(p -> {
            assertThat(p.title()).isNotBlank();
            assertThat(p.currency()).isEqualTo("USD");
            assertThat(p.categoryPath()).hasSize(3);
            assertThat(p.price()).isPositive();
            assertThat(p.title()).contains(p.brand());
        });
        assertThat(defaultProducts.stream().map(Product::id).distinct().count()).isEqualTo(5000);
        long chinese = defaultProducts.stream().filter(p -> p.language().equals("zh")).count();
        assertThat(chinese / 5000.0).isBetween(0.03, 0.07);
        assertThat(defaultProducts).anySatisfy(p -> assertThat(p.title()).contains("篮球鞋"));
        Set<List<String>> leaves = new HashSet<>();
        defaultProducts.forEach(p -> leaves.add(p.categoryPath()));
        assertThat(leaves).hasSizeGreaterThan(40);
    }

    @Test
    void eventsAreSchemaValidAndInTimeOrder() {
        Instant start = SimulationParameters.DEFAULT_START;
        Instant end = start.plus(Duration.ofDays(61));
        Set<String> productIds = new HashSet<>();
        defaultProducts.forEach(p -> productIds.add(p.id()));
        Instant previous = Instant.MIN;
        Set<String> ids = new HashSet<>();
        for (BehaviorEvent event : defaultEvents) {
            assertThat(event.violations(end)).as(event.toString()).isEmpty();
            assertThat(event.timestamp()).isAfterOrEqualTo(previous).isBetween(start, end);
            assertThat(ids.add(event.eventId())).as("unique id " + event.eventId()).isTrue();
            if (event.productId() != null) {
                assertThat(productIds).contains(event.productId());
            }
            previous = event.timestamp();
        }
    }

    @Test
    void defaultVolumeIsAboutTwoHundredThousandEventsFromAboutTwoThousandShoppers() {
        assertThat(defaultEvents.size()).isBetween(150_000, 260_000);
        assertThat(defaultEvents.stream().map(BehaviorEvent::userId).distinct().count()).isBetween(1500L, 2000L);
    }

    @Test
    void funnelConvertsTwoToFourPercentOfSessions() {
        Map<String, Set<EventType>> sessions = new HashMap<>();
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        for (BehaviorEvent event : defaultEvents) {
            sessions.computeIfAbsent(event.sessionId(), s -> new HashSet<>()).add(event.type());
            counts.merge(event.type(), 1L, Long::sum);
        }
        double converted = sessions.values().stream().filter(t -> t.contains(EventType.PURCHASE)).count();
        double carted = sessions.values().stream().filter(t -> t.contains(EventType.ADD_TO_CART)).count();
        assertThat(converted / sessions.size()).isBetween(0.02, 0.04);
        assertThat(carted / sessions.size()).isBetween(converted / sessions.size() * 1.5, 0.25);
        assertThat(counts.get(EventType.VIEW)).isGreaterThan(counts.get(EventType.SEARCH))
                .isGreaterThan(counts.get(EventType.CLICK));
        assertThat(counts.get(EventType.SEARCH)).isGreaterThan(counts.get(EventType.ADD_TO_CART));
        assertThat(counts.get(EventType.ADD_TO_CART)).isGreaterThan(counts.get(EventType.PURCHASE));
        assertThat(counts).containsKeys(EventType.REMOVE_FROM_CART, EventType.RATING);
    }

    @Test
    void searchesCarryPlausibleResultCountsWithSomeZeroResultQueries() {
        List<BehaviorEvent> searches = defaultEvents.stream().filter(e -> e.type() == EventType.SEARCH).toList();
        assertThat(searches).allSatisfy(e -> {
            assertThat(e.query()).isNotBlank();
            assertThat(e.resultCount()).isNotNull().isBetween(0, 5000);
        });
        double zero = searches.stream().filter(e -> e.resultCount() == 0).count() / (double) searches.size();
        assertThat(zero).isBetween(0.02, 0.2);
        assertThat(searches).anySatisfy(e -> assertThat(e.query()).matches(".*\\p{IsHan}.*"));
    }

    @Test
    void sessionsAreSeparatedByThirtyMinutesAndShoppersReturn() {
        Map<String, List<BehaviorEvent>> byUser = new HashMap<>();
        defaultEvents.forEach(e -> byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e));
        long returning = 0;
        for (List<BehaviorEvent> history : byUser.values()) {
            Set<String> sessionIds = new HashSet<>();
            for (int i = 0; i < history.size(); i++) {
                sessionIds.add(history.get(i).sessionId());
                if (i > 0) {
                    BehaviorEvent before = history.get(i - 1);
                    BehaviorEvent after = history.get(i);
                    Duration gap = Duration.between(before.timestamp(), after.timestamp());
                    if (before.sessionId().equals(after.sessionId())) {
                        assertThat(gap).isLessThan(Duration.ofMinutes(30));
                    } else {
                        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
                    }
                }
            }
            if (sessionIds.size() > 1) {
                returning++;
            }
        }
        assertThat(returning / (double) byUser.size()).isBetween(0.5, 0.98);
    }

    @Test
    void streamsMoreEventsThanItKeeps() {
        // 20k shoppers over 10 days: the iterator must hand out events without materialising the history
        ShopSimulator big = new ShopSimulator(SimulationParameters.defaults().withUsers(20_000).withDays(10));
        long count = big.events().limit(100_000).count();
        assertThat(count).isEqualTo(100_000);
    }
}
