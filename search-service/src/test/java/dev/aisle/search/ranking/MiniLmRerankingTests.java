package dev.aisle.search.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniLmRerankingTests {

    private static MiniLmEncoder encoder;

    @BeforeAll
    static void loadModel() {
        encoder = MiniLmEncoder.load(null, "cpu", 128);
    }

    @AfterAll
    static void closeModel() {
        encoder.close();
    }

    @Test
    void encodesUnitVectorsThatPlaceRelatedTextsClose() {
        float[][] v = encoder.encode(List.of("basketball shoes", "Air Zoom basketball sneaker", "stainless kitchen knife"));
        assertThat(v[0]).hasSize(384);
        assertThat(HybridReranker.dot(v[0], v[0])).isCloseTo(1.0, within(1e-4));
        assertThat(HybridReranker.dot(v[0], v[1])).isGreaterThan(HybridReranker.dot(v[0], v[2]) + 0.3);
    }

    @Test
    void encodesABatchAsItEncodesEachText() {
        float[][] batch = encoder.encode(List.of("cordless drill", "a much longer title of a garden hose reel"));
        float[] single = encoder.encode("cordless drill");
        assertThat(HybridReranker.dot(batch[0], single)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void movesSemanticallyRelatedProductsUp() {
        List<String> titles = List.of("Running water filter", "Shoe rack with three shelves",
                "Men's lightweight jogging sneakers", "Garden hose");
        float[][] vectors = encoder.encode(titles);
        List<Candidate> bm25Order = List.of(
                new Candidate("filter", titles.get(0), 4.0, vectors[0]),
                new Candidate("rack", titles.get(1), 3.5, vectors[1]),
                new Candidate("sneakers", titles.get(2), 1.0, vectors[2]),
                new Candidate("hose", titles.get(3), 0.5, vectors[3]));
        List<RankedProduct> reranked = new HybridReranker(encoder, 0.3).rerank("running shoes", bm25Order);
        assertThat(reranked).first().extracting(RankedProduct::id).isEqualTo("sneakers");
        assertThat(reranked).last().extracting(RankedProduct::id).isEqualTo("hose");
    }

    @Test
    void keepsTheBm25OrderWithFullLexicalWeight() {
        List<Candidate> candidates = List.of(new Candidate("a", "x", 3, null), new Candidate("b", "y", 2, null),
                new Candidate("c", "z", 1, null));
        assertThat(new HybridReranker(encoder, 1.0).rerank("anything", candidates)).extracting(RankedProduct::id)
                .containsExactly("a", "b", "c");
    }

    @Test
    void rejectsAWeightOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HybridReranker(encoder, 1.5))
                .withMessageStartingWith("illegal lexicalWeight value");
    }

    @Test
    void cachesVectorsSoOnlyNewTextsAreEncoded(@TempDir Path dir) {
        CachingEncoder first = new CachingEncoder(encoder, new FileEmbeddingCache(dir));
        float[][] vectors = first.encode(List.of("claw hammer", "tape measure"));
        assertThat(first.encodedCount()).isEqualTo(2);
        CachingEncoder restarted = new CachingEncoder(encoder, new FileEmbeddingCache(dir));
        float[][] again = restarted.encode(List.of("tape measure", "claw hammer", "pry bar"));
        assertThat(restarted.encodedCount()).isEqualTo(1);
        assertThat(again[1]).containsExactly(vectors[0]);
    }
}
