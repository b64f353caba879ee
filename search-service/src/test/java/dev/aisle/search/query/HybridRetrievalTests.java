package dev.aisle.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.aisle.search.index.IndexSettings;
import dev.aisle.search.index.IndexedProduct;
import dev.aisle.search.index.ProductAnalyzers;
import dev.aisle.search.index.ProductHit;
import dev.aisle.search.index.ProductIndex;
import dev.aisle.search.index.ProductQuery;
import dev.aisle.search.ranking.TextEncoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HybridRetrievalTests {

    private ProductIndex index;

    @BeforeEach
    void indexCatalogue() {
        index = ProductIndex.inMemory(new ProductAnalyzers(null), IndexSettings.defaults());
        index.upsert(List.of(product("a", "2 in. x 4 in. x 8 ft. Stud"), product("b", "2 in. x 6 in. Stud"),
                product("c", "Toilet seat round"), product("d", "Seat cushion for a toilet bench")));
        index.commitAndRefresh();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void ranksTheTitleWithTheQueryNumbersFirstOnceTitleMatchIsWeighted() {
        assertThat(ids("2x4 stud", TitleMatchWeights.NONE)).first().isEqualTo("b");
        assertThat(ids("2x4 stud", TitleMatchWeights.DEFAULTS)).first().isEqualTo("a");
    }

    @Test
    void scoresTitleMatchOnTheSpellingCorrectedQuery() {
        HybridRetrieval.QueryEmbedding query = HybridRetrieval.embed(index, encoder(new ArrayList<>()), "toliet seat");
        assertThat(query.corrected()).isEqualTo("toilet seat");
        double[] bonus = HybridRetrieval.bonus(index, query.corrected(),
                List.of("Toilet seat round", "Seat cushion", "Seat for a toliet"), new TitleMatchWeights(1, 0, 0, 0));
        assertThat(bonus).containsExactly(1.0, 0.5, 0.5);
    }

    @Test
    void addsTheHeadWeightWhenTheTitleHoldsTheQuerysLastWord() {
        double[] bonus = HybridRetrieval.bonus(index, "toilet seat", List.of("Toilet seat round", "Toilet bench"),
                new TitleMatchWeights(0, 0, 0, 0.2));
        assertThat(bonus).containsExactly(0.2, 0.0);
        assertThat(HybridRetrieval.bonus(index, "toilet seat", List.of("Toilet"), TitleMatchWeights.NONE)).isNull();
    }

    @Test
    void averagesTheQueryVectorWithThatOfTheCorrectedQuery() {
        List<List<String>> calls = new ArrayList<>();
        TextEncoder encoder = encoder(calls);
        float[] both = HybridRetrieval.queryVector(encoder, "toliet seat", index.correctSpelling("toliet seat"));
        assertThat(calls).containsExactly(List.of("toliet seat", "toilet seat"));
        assertThat(both[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(both[1]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(HybridRetrieval.queryVector(encoder, "toilet seat", "toilet seat")).containsExactly(0, 1);
    }

    @Test
    void rejectsNegativeTitleMatchWeights() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TitleMatchWeights(0, -0.1, 0, 0))
                .withMessageContaining("numbers");
    }

    private static TextEncoder encoder(List<List<String>> calls) {
        return new TextEncoder() {
            @Override
            public float[][] encode(List<String> texts) {
                calls.add(texts);
                return texts.stream().map(t -> t.startsWith("toilet") ? new float[] {0, 1} : new float[] {1, 0})
                        .toArray(float[][]::new);
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public String modelName() {
                return "fake";
            }
        };
    }

    private List<String> ids(String text, TitleMatchWeights weights) {
        ProductQuery query = ProductQuery.text(text);
        List<String> all = List.of("a", "b", "c", "d");
        return HybridRetrieval.rank(index, query, all, new float[] {1, 0}, 0, 0.4, 1.0f, weights).stream()
                .map(ProductHit::id).toList();
    }

    private static IndexedProduct product(String id, String title) {
        return new IndexedProduct(id, title, null, null, List.of(), null, true, "en", 0, null);
    }
}
