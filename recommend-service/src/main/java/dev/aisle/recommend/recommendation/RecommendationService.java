package dev.aisle.recommend.recommendation;

import dev.aisle.recommend.catalog.CatalogContent;
import dev.aisle.recommend.catalog.CatalogProduct;
import dev.aisle.recommend.catalog.CatalogReader;
import dev.aisle.recommend.model.Recommender;
import dev.aisle.recommend.training.InteractionLog;
import dev.aisle.recommend.training.ModelBundle;
import dev.aisle.recommend.training.ModelRegistry;
import dev.aisle.support.error.BadRequestException;
import dev.aisle.support.error.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * Builds recommendation lists. Personalised lists fold the user's current history (including events seen seconds
 * ago) into the served model. Users without usable history fall back along the chain: their recent (session) items
 * → trending in the requested category → popular; with no trained model yet, popularity is counted in SQL. Items
 * the user already bought or interacted with, out-of-stock items and the {@code exclude} list are filtered out.
 * Similar items of an item no model has seen come from the catalogue text (TF-IDF), then popularity in its category.
 */
@Service
public class RecommendationService {

    static final Set<String> ALGORITHMS = Set.of("als", "item-knn", "two-tower", "popular", "trending");

    private final ModelRegistry registry;
    private final InteractionLog interactions;
    private final CatalogReader catalog;
    private final SqlPopularity sqlPopularity;
    private final CatalogContent content;

    RecommendationService(ModelRegistry registry, InteractionLog interactions, CatalogReader catalog,
            SqlPopularity sqlPopularity, CatalogContent content) {
        this.content = content;
        this.registry = registry;
        this.interactions = interactions;
        this.catalog = catalog;
        this.sqlPopularity = sqlPopularity;
    }

    /** Personalised recommendations for a user (known, folded-in or unknown). */
    public RecommendationResponse forUser(String userId, int n, String category, Set<String> exclude,
            String algorithm) {
        checkSize(n);
        if (algorithm != null && !ALGORITHMS.contains(algorithm)) {
            throw new BadRequestException("unknown algorithm '" + algorithm + "', must be one of " + ALGORITHMS);
        }
        Map<String, CatalogProduct> products = catalog.products();
        InteractionLog.UserHistory history = interactions.history(userId);
        Map<String, Double> weights = history.weightsSnapshot();
        Set<String> hidden = new LinkedHashSet<>(exclude);
        hidden.addAll(weights.keySet());
        hidden.addAll(history.purchased());
        Predicate<String> allowed = id -> !hidden.contains(id) && available(products.get(id), category);
        ModelBundle bundle = registry.served().orElse(null);
        if (bundle == null) {
            return new RecommendationResponse(userId, "popular", null,
                    sqlPopularity.top(n, allowed, products), List.of());
        }
        int[] known = weights.keySet().stream().mapToInt(bundle::itemIndex).filter(i -> i >= 0).sorted().toArray();
        float[] values = new float[known.length];
        for (int k = 0; k < known.length; k++) {
            values[k] = weights.get(bundle.itemId(known[k])).floatValue();
        }
        String chosen = algorithm == null ? bundle.primary().algorithm() : algorithm;
        boolean personal = known.length > 0 && !chosen.equals("popular") && !chosen.equals("trending");
        if (personal) {
            Recommender model = chosen.equals("item-knn") ? bundle.similar() : bundle.primary();
            float[] scores = model.scoreInteractions(known, values);
            List<RecommendedItem> items = rank(bundle, scores, n, allowed, products,
                    i -> becauseOf(bundle, i, known, history, products));
            return complete(userId, model.algorithm(), bundle, items, n, allowed, products, category);
        }
        return popular(userId, bundle, n, category, allowed, products, algorithm == null || chosen.equals("trending"));
    }

    /** Items similar to one item; unknown to the catalogue → 404. */
    public RecommendationResponse similar(String itemId, int n) {
        checkSize(n);
        Map<String, CatalogProduct> products = catalog.products();
        CatalogProduct product = products.get(itemId);
        if (product == null) {
            throw new NotFoundException("unknown item '" + itemId + "'");
        }
        Predicate<String> allowed = id -> !id.equals(itemId) && available(products.get(id), null);
        ModelBundle bundle = registry.served().orElse(null);
        int index = bundle == null ? -1 : bundle.itemIndex(itemId);
        if (index < 0) {
            List<RecommendedItem> byText = content.similar(itemId, n, allowed).stream()
                    .map(s -> new RecommendedItem(s.id(), s.score(), "similar in description to " + product.title()))
                    .toList();
            if (!byText.isEmpty()) {
                return new RecommendationResponse(null, "content", bundle == null ? null : bundle.version(), byText,
                        List.of());
            }
            String category = product.leafCategory();
            if (bundle == null) {
                return new RecommendationResponse(null, "popular", null, sqlPopularity.top(n,
                        allowed.and(id -> products.get(id).inCategory(category)), products), List.of());
            }
            return popular(null, bundle, n, category, allowed, products, true);
        }
        float[] scores = bundle.similar().similarItems(index);
        String reason = "similar to " + product.title();
        List<RecommendedItem> items = rank(bundle, scores, n, allowed.and(id -> scores[bundle.itemIndex(id)] > 0),
                products, i -> reason);
        return complete(null, "item-knn", bundle, items, n, allowed, products, product.leafCategory());
    }

    /** Popular or trending items, optionally in a category. */
    public RecommendationResponse popular(int n, String category, boolean trending) {
        checkSize(n);
        Map<String, CatalogProduct> products = catalog.products();
        Predicate<String> allowed = id -> available(products.get(id), category);
        ModelBundle bundle = registry.served().orElse(null);
        if (bundle == null) {
            return new RecommendationResponse(null, "popular", null, sqlPopularity.top(n, allowed, products),
                    List.of());
        }
        return popular(null, bundle, n, category, allowed, products, trending);
    }

    /** Recommendations for an anonymous session; ids not in the catalogue are ignored and reported. */
    public RecommendationResponse session(List<String> itemIds, int n) {
        checkSize(n);
        Map<String, CatalogProduct> products = catalog.products();
        List<String> unknown = itemIds.stream().filter(id -> !products.containsKey(id)).distinct().toList();
        Set<String> seen = Set.copyOf(itemIds);
        Predicate<String> allowed = id -> !seen.contains(id) && available(products.get(id), null);
        ModelBundle bundle = registry.served().orElse(null);
        if (bundle == null) {
            return new RecommendationResponse(null, "popular", null, sqlPopularity.top(n, allowed, products),
                    unknown);
        }
        int[] known = itemIds.stream().distinct().mapToInt(bundle::itemIndex).filter(i -> i >= 0).sorted()
                .toArray();
        if (known.length == 0) {
            RecommendationResponse fallback = popular(null, bundle, n, null, allowed, products, true);
            return new RecommendationResponse(null, fallback.algorithm(), fallback.modelVersion(),
                    fallback.items(), unknown);
        }
        float[] ones = new float[known.length];
        java.util.Arrays.fill(ones, 1f);
        float[] scores = bundle.primary().scoreInteractions(known, ones);
        List<RecommendedItem> items = rank(bundle, scores, n, allowed, products,
                i -> "because you viewed " + products.get(bundle.itemId(nearest(bundle, i, known))).title());
        RecommendationResponse done = complete(null, bundle.primary().algorithm(), bundle, items, n, allowed,
                products, null);
        return new RecommendationResponse(null, done.algorithm(), done.modelVersion(), done.items(), unknown);
    }

    private RecommendationResponse popular(String userId, ModelBundle bundle, int n, String category,
            Predicate<String> allowed, Map<String, CatalogProduct> products, boolean trendingFirst) {
        List<RecommendedItem> items = new ArrayList<>();
        String algorithm = "popular";
        if (trendingFirst) {
            float[] trend = bundle.trending().score(0);
            String label = category == null ? "trending now" : "trending in " + category;
            items = rank(bundle, trend, n, allowed.and(id -> trend[bundle.itemIndex(id)] > 0), products,
                    i -> label);
            algorithm = items.isEmpty() ? "popular" : "trending";
        }
        String label = category == null ? "popular" : "popular in " + category;
        Set<String> taken = new LinkedHashSet<>();
        items.forEach(item -> taken.add(item.itemId()));
        if (items.size() < n) {
            items.addAll(rank(bundle, bundle.popular().score(0), n - items.size(),
                    allowed.and(id -> !taken.contains(id)), products, i -> label));
        }
        return complete(userId, algorithm, bundle, items, n, allowed, products, category);
    }

    /** Tops up a short list with SQL popularity over the whole catalogue (items the model has never seen). */
    private RecommendationResponse complete(String userId, String algorithm, ModelBundle bundle,
            List<RecommendedItem> items, int n, Predicate<String> allowed, Map<String, CatalogProduct> products,
            String category) {
        List<RecommendedItem> all = new ArrayList<>(items);
        if (all.size() < n) {
            Set<String> taken = new LinkedHashSet<>();
            all.forEach(item -> taken.add(item.itemId()));
            all.addAll(sqlPopularity.top(n - all.size(), allowed.and(id -> !taken.contains(id)), products));
        }
        return new RecommendationResponse(userId, algorithm, bundle.version(), all, List.of());
    }

    private static List<RecommendedItem> rank(ModelBundle bundle, float[] scores, int n, Predicate<String> allowed,
            Map<String, CatalogProduct> products, java.util.function.IntFunction<String> reason) {
        int[] top = ItemRanker.top(scores, n, i -> !allowed.test(bundle.itemId(i)));
        List<RecommendedItem> items = new ArrayList<>(top.length);
        for (int i : top) {
            items.add(new RecommendedItem(bundle.itemId(i), scores[i], reason.apply(i)));
        }
        return items;
    }

    private static String becauseOf(ModelBundle bundle, int item, int[] known, InteractionLog.UserHistory history,
            Map<String, CatalogProduct> products) {
        String id = bundle.itemId(nearest(bundle, item, known));
        String type = history.lastType().getOrDefault(id, "view");
        String verb = switch (type) {
            case "purchase" -> "bought";
            case "add_to_cart" -> "added to cart";
            default -> "viewed";
        };
        CatalogProduct product = products.get(id);
        return "because you " + verb + " " + (product == null ? id : product.title());
    }

    /** The user's item most similar (item-kNN) to a recommended item; the first one when none is similar. */
    private static int nearest(ModelBundle bundle, int item, int[] known) {
        float[] similarity = bundle.similar().similarItems(item);
        int best = known[0];
        for (int k : known) {
            if (similarity[k] > similarity[best]) {
                best = k;
            }
        }
        return best;
    }

    private static boolean available(CatalogProduct product, String category) {
        return product != null && product.inStock() && product.inCategory(category);
    }

    private static void checkSize(int n) {
        if (n < 1 || n > 100) {
            throw new BadRequestException("illegal n " + n + ", must be between 1 and 100");
        }
    }
}
