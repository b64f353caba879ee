package dev.aisle.recommend.catalog;

import dev.aisle.common.feature.TextNormalizer;
import dev.aisle.common.feature.TopK;
import dev.aisle.recommend.model.ContentSimilarity;
import dev.aisle.recommend.model.Interactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Content-based similarity over the catalogue text (title, brand, category, description; TF-IDF cosine), used for
 * items no interaction model has seen yet. Rebuilt lazily when the catalogue snapshot changes.
 */
@Component
public class CatalogContent {

    /** A product id with its content similarity. */
    public record Similar(String id, float score) {
    }

    private record Built(Map<String, CatalogProduct> source, List<String> ids, ContentSimilarity model) {
    }

    private final CatalogReader catalog;
    private volatile Built built;

    CatalogContent(CatalogReader catalog) {
        this.catalog = catalog;
    }

    /** The products most similar in text to {@code itemId} that pass {@code allowed}, best first. */
    public List<Similar> similar(String itemId, int n, Predicate<String> allowed) {
        Built b = current();
        int index = b.ids().indexOf(itemId);
        if (index < 0) {
            return List.of();
        }
        float[] scores = b.model().similarItems(index);
        List<Similar> out = new ArrayList<>();
        for (int i : TopK.select(scores, n, j -> scores[j] <= 0 || !allowed.test(b.ids().get(j)))) {
            out.add(new Similar(b.ids().get(i), scores[i]));
        }
        return out;
    }

    private Built current() {
        Map<String, CatalogProduct> products = catalog.products();
        Built b = built;
        if (b == null || b.source() != products) {
            List<String> ids = new ArrayList<>(products.keySet());
            List<List<String>> tokens = new ArrayList<>(ids.size());
            for (CatalogProduct p : products.values()) {
                tokens.add(TextNormalizer.tokenize(String.join(" ", p.title(), p.brand() == null ? "" : p.brand(),
                        String.join(" ", p.categoryPath()), p.description() == null ? "" : p.description())));
            }
            Interactions none = Interactions.of(0, ids.size(), new int[0], new int[0], new float[0]);
            b = new Built(products, ids, ContentSimilarity.fit(tokens, none));
            built = b;
        }
        return b;
    }
}
