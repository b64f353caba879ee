package dev.aisle.simulator;

import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.event.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plays one shopping session: a landing view or a search, then a random walk over product pages (mostly in the
 * shopper's favourite leaves, sometimes via a recommendation click or a new search), carts and removals, and a
 * purchase of the cart at the end with some probability. A returning shopper sometimes rates an earlier purchase.
 */
final class SessionGenerator {

    /** Queries that find nothing: products the shop does not sell and misspellings. */
    private static final List<String> ZERO_RESULT_QUERIES = List.of(
            "hoverboard", "vinyl record player", "pogo stick", "snowmobile", "aquarium filter", "sewing machine",
            "bascketball shoes", "hedphones", "labtop", "expresso machine", "runing shoes", "wireles earbuds",
            "fishing rod", "lawn mower", "car seat cover", "guitar strings", "dog bed", "printer ink");

    /** Mean number of steps after the first page. */
    static final double MEAN_STEPS = 5.0;

    static final double SEARCH_START = 0.35;

    static final double ADD_TO_CART = 0.035;

    static final double REMOVE_FROM_CART = 0.08;

    static final double CHECKOUT = 0.38;

    static final double RATE_PURCHASE = 0.35;

    /** Longest pause between two pages of a session, well under the 30-minute session gap. */
    static final double MAX_THINK_SECONDS = 600;

    private final Catalogue catalogue;

    private final long seed;

    SessionGenerator(Catalogue catalogue, long seed) {
        this.catalogue = catalogue;
        this.seed = seed;
    }

    /** The events of the shopper's next session, starting at {@code start}, in time order. */
    List<BehaviorEvent> play(Shopper shopper, Instant start) {
        shopper.sessions++;
        Session session = new Session(shopper, start);
        SplittableRandom random = shopper.random;
        if (!shopper.unrated.isEmpty() && random.nextDouble() < RATE_PURCHASE) {
            SimulatedProduct product = catalogue.products().get(shopper.unrated.pollFirst());
            long stars = Math.round(Math.min(5, Math.max(1, 2.2 + 3 * shopper.affinity(product)
                    + 0.8 * Catalogue.gaussian(random))));
            session.emit(EventType.RATING, product.id(), null, null, null, BigDecimal.valueOf(stars),
                    Map.of("page", "orders"));
        }
        Map<Integer, Integer> cart = new LinkedHashMap<>();
        int leaf = shopper.favouriteLeaf();
        int steps = 1 + geometric(MEAN_STEPS, random);
        for (int step = 0; step < steps; step++) {
            double action = random.nextDouble();
            if (step == 0 ? action < SEARCH_START : action < 0.12) {
                search(session, leaf, cart);
            } else {
                if (step > 0 && action < 0.25) {
                    leaf = random.nextDouble() < 0.85 ? shopper.favouriteLeaf()
                            : random.nextInt(catalogue.taxonomy().leaves().size());
                }
                int product = pick(shopper, leaf);
                if (product >= 0) {
                    if (step > 0 && random.nextDouble() < 0.3) {
                        session.emit(EventType.CLICK, catalogue.products().get(product).id(), null, null, null,
                                null, Map.of("source", "recommendation"));
                    }
                    view(session, product, cart);
                }
            }
            if (!cart.isEmpty() && random.nextDouble() < REMOVE_FROM_CART) {
                Integer removed = cart.keySet().iterator().next();
                int quantity = cart.remove(removed);
                session.emit(EventType.REMOVE_FROM_CART, catalogue.products().get(removed).id(), null, null,
                        quantity, null, Map.of("page", "cart"));
            }
        }
        if (!cart.isEmpty() && random.nextDouble() < CHECKOUT) {
            String order = "o-" + session.id.substring(2);
            for (Map.Entry<Integer, Integer> line : cart.entrySet()) {
                SimulatedProduct product = catalogue.products().get(line.getKey());
                session.emit(EventType.PURCHASE, product.id(), null, null, line.getValue(),
                        product.price().multiply(BigDecimal.valueOf(line.getValue())), Map.of("orderId", order));
                shopper.unrated.addLast(line.getKey());
            }
        }
        return session.events;
    }

    private void search(Session session, int leaf, Map<Integer, Integer> cart) {
        Shopper shopper = session.shopper;
        SplittableRandom random = shopper.random;
        if (random.nextDouble() < 0.06) {
            session.emit(EventType.SEARCH, null, ProductText.pick(ZERO_RESULT_QUERIES, random), 0, null, null,
                    Map.of("page", "search"));
            return;
        }
        Taxonomy.Leaf category = catalogue.taxonomy().leaves().get(leaf);
        String query = shopper.chineseSpeaker && category.chineseNoun() != null
                ? category.chineseNoun()
                : ProductText.pick(category.nouns(), random);
        if (random.nextDouble() < 0.2) {
            // a favourite brand of this department, when the shopper has one
            for (String brand : catalogue.taxonomy().brands(category.department()).english()) {
                if (shopper.favouriteBrands.contains(brand) && !query.equals(category.chineseNoun())) {
                    query = brand.toLowerCase(Locale.ROOT) + " " + query;
                    break;
                }
            }
        }
        int results = catalogue.resultCount(query);
        session.emit(EventType.SEARCH, null, query, results, null, null, Map.of("page", "search"));
        if (results > 0 && random.nextDouble() < 0.75) {
            int product = pick(shopper, leaf);
            if (product >= 0) {
                int position = 1 + geometric(2.5, random);
                session.emit(EventType.CLICK, catalogue.products().get(product).id(), null, null, null, null,
                        Map.of("source", "search", "position", position));
                view(session, product, cart);
            }
        }
    }

    private void view(Session session, int productIndex, Map<Integer, Integer> cart) {
        SimulatedProduct product = catalogue.products().get(productIndex);
        SplittableRandom random = session.shopper.random;
        session.emit(EventType.VIEW, product.id(), null, null, null, null, Map.of("page", "pdp"));
        double p = ADD_TO_CART * session.shopper.buyingPropensity * 2 * session.shopper.affinity(product);
        if (product.inStock() && random.nextDouble() < p) {
            int quantity = random.nextDouble() < 0.85 ? 1 : 2 + random.nextInt(2);
            cart.merge(productIndex, quantity, Integer::sum);
            session.emit(EventType.ADD_TO_CART, product.id(), null, null, quantity,
                    product.price().multiply(BigDecimal.valueOf(quantity)), Map.of("page", "pdp"));
        }
    }

    /** A product of the leaf by popularity, thinned by the shopper's affinity (rejection sampling). */
    private int pick(Shopper shopper, int leaf) {
        int candidate = -1;
        for (int attempt = 0; attempt < 8; attempt++) {
            candidate = catalogue.samplePopular(leaf, shopper.random);
            if (candidate < 0) {
                return -1;
            }
            SimulatedProduct product = catalogue.products().get(candidate);
            double accept = shopper.affinity(product);
            if (product.language().equals("zh") && !shopper.chineseSpeaker) {
                accept *= 0.15;
            }
            if (shopper.random.nextDouble() < accept) {
                return candidate;
            }
        }
        return candidate;
    }

    static int geometric(double mean, SplittableRandom random) {
        double p = 1 / (1 + mean);
        return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
    }

    /** Events of one session under construction; time moves forward by a think time per page. */
    private final class Session {

        final Shopper shopper;

        final String id;

        final List<BehaviorEvent> events = new ArrayList<>();

        Instant clock;

        Session(Shopper shopper, Instant start) {
            this.shopper = shopper;
            this.id = "s-" + shopper.id.substring(2) + "-" + shopper.sessions;
            this.clock = start;
        }

        void emit(EventType type, String productId, String query, Integer resultCount, Integer quantity,
                BigDecimal value, Map<String, Object> properties) {
            if (!events.isEmpty()) {
                double seconds = 20 * Math.exp(0.9 * Catalogue.gaussian(shopper.random));
                clock = clock.plusMillis(Math.round(1000 * Math.min(seconds, MAX_THINK_SECONDS)));
            }
            String eventId = "e-" + seed + "-" + id.substring(2) + "-" + events.size();
            events.add(EventFactory.event(eventId, type, shopper.id, id, productId, query, resultCount, quantity,
                    value, clock, properties));
        }
    }
}
