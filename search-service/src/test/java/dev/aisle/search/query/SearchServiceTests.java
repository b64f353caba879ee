package dev.aisle.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aisle.search.index.FacetValue;
import dev.aisle.search.index.IndexSettings;
import dev.aisle.search.index.IndexedProduct;
import dev.aisle.search.index.ProductAnalyzers;
import dev.aisle.search.index.ProductIndex;
import dev.aisle.search.index.ProductSuggester;
import dev.aisle.search.ranking.TextEncoder;
import dev.aisle.search.rerank.EncoderProvider;
import dev.aisle.search.rerank.RankingProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The search path of {@code GET /api/v1/search} without Spring: hybrid reranking, fallbacks, facets, paging. */
class SearchServiceTests {

    /** A toy encoder: footwear words point one way, everything else the other. */
    private static final TextEncoder FOOTWEAR = new TextEncoder() {
        @Override
        public float[][] encode(List<String> texts) {
            return texts.stream().map(t -> t.toLowerCase().matches(".*(shoe|sneaker|trainer|boot|galosh).*")
                    ? new float[] {1, 0} : new float[] {0, 1}).toArray(float[][]::new);
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public String modelName() {
            return "footwear";
        }
    };

    private ProductIndex index;
    private ProductSuggester suggester;
    private final List<String> reported = new ArrayList<>();

    @BeforeEach
    void indexCatalogue() {
        ProductAnalyzers analyzers = new ProductAnalyzers(null);
        index = ProductIndex.inMemory(analyzers, IndexSettings.defaults());
        suggester = new ProductSuggester(analyzers);
        List<IndexedProduct> products = List.of(
                product("s1", "Running trainers", "Adidas", 70),
                product("s2", "Leather hiking boot", "Meindl", 180),
                product("s3", "Running water fountain pump", "Aqua", 35),
                product("s4", "Trail running sneaker", "Salomon", 120),
                product("s5", "Garden hose", "Gardena", 25));
        index.upsert(products.stream().map(p -> p.withVector(FOOTWEAR.encode(p.title()))).toList());
        index.commitAndRefresh();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
        suggester.close();
    }

    private static IndexedProduct product(String id, String title, String brand, double price) {
        return new IndexedProduct(id, title, null, brand, List.of("Outdoor"), price, true, "en", 0, null);
    }

    private SearchService service(TextEncoder encoder, long budgetMs) {
        RankingProperties ranking = new RankingProperties(true, null, null, null, null, 50, 0.5, 1.0, budgetMs,
                null, null, null, null, null, null);
        return new SearchService(index, suggester, EncoderProvider.loaded(ranking, encoder), ranking,
                (query, count, user, session) -> reported.add(query + "=" + count));
    }

    private static SearchRequest request(String q, int page, int size, boolean rerank) {
        return new SearchRequest(q, null, null, null, null, null, null, page, size, rerank, null, null);
    }

    @Test
    void fusesBm25WithVectorNeighboursAndHighlightsThePage() {
        SearchResponse response = service(FOOTWEAR, 60_000).search(request("running shoes", 0, 2, true), "u", "s");
        assertThat(response.reranked()).isTrue();
        assertThat(response.retrieval()).isEqualTo("hybrid");
        // footwear first: the fountain pump matches "running" but is not a shoe; the boot comes from the vectors
        assertThat(response.hits()).extracting(SearchResponse.Hit::id).containsExactly("s1", "s4");
        assertThat(response.hits().get(0).highlight()).isEqualTo("<em>Running</em> trainers");
        assertThat(response.total()).isEqualTo(3);
        assertThat(response.facets().get("brand")).extracting(FacetValue::value, FacetValue::count)
                .containsExactlyInAnyOrder(tuple("Adidas", 1L), tuple("Aqua", 1L), tuple("Salomon", 1L));
        assertThat(reported).containsExactly("running shoes=3");

        SearchResponse second = service(FOOTWEAR, 60_000).search(request("running shoes", 1, 2, true), "u", "s");
        assertThat(second.hits()).extracting(SearchResponse.Hit::id).first().isEqualTo("s2");
    }

    @Test
    void servesTheBm25OrderWhenAskedOrWhenTheEncoderRunsLate() throws Exception {
        SearchResponse plain = service(FOOTWEAR, 60_000).search(request("running", 0, 10, false), null, "s");
        assertThat(plain.reranked()).isFalse();
        assertThat(plain.retrieval()).isEqualTo("bm25");
        assertThat(plain.rerankFallback()).isNull();

        CountDownLatch never = new CountDownLatch(1);
        TextEncoder stuck = new TextEncoder() {
            @Override
            public float[][] encode(List<String> texts) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("interrupted");
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public String modelName() {
                return "stuck";
            }
        };
        SearchService late = service(stuck, 1);
        SearchResponse response = late.search(request("running", 0, 10, true), null, "s");
        assertThat(response.reranked()).isFalse();
        assertThat(response.rerankFallback()).startsWith("timeout");
        assertThat(response.hits()).extracting(SearchResponse.Hit::id).containsExactlyInAnyOrder("s1", "s3", "s4");
        late.destroy();
    }

    @Test
    void fallsBackToVectorRetrievalWhenNoWordMatches() {
        SearchResponse response = service(FOOTWEAR, 60_000).search(request("galoshes", 0, 2, true), null,
                "s");
        assertThat(response.retrieval()).isEqualTo("semantic");
        assertThat(response.hits()).isNotEmpty();
        assertThat(response.hits().get(0).id()).isIn("s1", "s2", "s4");
    }
}
