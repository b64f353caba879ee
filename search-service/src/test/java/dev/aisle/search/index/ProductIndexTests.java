package dev.aisle.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductIndexTests {

    private ProductIndex index;

    @BeforeEach
    void indexCatalogue() {
        index = ProductIndex.inMemory(new ProductAnalyzers(new StringReader("tv, television\nsneakers, trainers\n")),
                IndexSettings.defaults());
        index.upsert(CatalogTestData.products());
        index.commitAndRefresh();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private List<String> ids(ProductQuery query) {
        return index.search(query, 20, false, false).hits().stream().map(ProductHit::id).toList();
    }

    @Test
    void findsChineseBasketballShoesForAChineseQuery() {
        SearchPage page = index.search(ProductQuery.text("购买篮球鞋"), 10, false, false);
        assertThat(page.hits()).first().extracting(ProductHit::id).isEqualTo("p2");
        assertThat(page.hits().get(0).highlight()).contains("<em>篮球</em>");
    }

    @Test
    void stemsEnglishQueries() {
        assertThat(ids(ProductQuery.text("basketball shoes"))).first().isEqualTo("p1");
    }

    @Test
    void ranksTitleMatchesAboveBrandMatches() {
        assertThat(ids(ProductQuery.text("basketball"))).startsWith("p5").doesNotContain("p3");
    }

    @Test
    void toleratesTyposOutsideTheVocabulary() {
        assertThat(ids(ProductQuery.text("basketbal"))).contains("p1", "p5", "p7");
        assertThat(index.didYouMean("basketbal hoop")).isEqualTo("basketball hoop");
        assertThat(index.didYouMean("basketball hoop")).isNull();
    }

    @Test
    void expandsSynonymsAtQueryTime() {
        assertThat(ids(ProductQuery.text("tv"))).containsExactly("p6");
        assertThat(ids(ProductQuery.text("sneakers"))).containsExactly("p4");
    }

    @Test
    void countsFacetsExactly() {
        SearchPage page = index.search(new ProductQuery(null, "Sports", null, null, null, null, SearchSort.RELEVANCE),
                10, false, true);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.facets().get("category")).extracting(FacetValue::value, FacetValue::count)
                .containsExactly(tuple("Basketball", 3L), tuple("Running", 1L));
        assertThat(page.facets().get("brand")).extracting(FacetValue::value, FacetValue::count)
                .containsExactlyInAnyOrder(tuple("Spalding", 2L), tuple("Nike", 1L), tuple("Adidas", 1L));
        assertThat(page.facets().get("price")).extracting(FacetValue::value, FacetValue::count).containsExactly(
                tuple("0-25", 0L), tuple("25-50", 1L), tuple("50-100", 2L), tuple("100-250", 1L),
                tuple("250-500", 0L), tuple("500+", 0L));
    }

    @Test
    void filtersByCategorySubtreeBrandPriceAndStock() {
        assertThat(ids(new ProductQuery("basketball", "Sports > Basketball", null, null, null, true,
                SearchSort.RELEVANCE))).containsExactlyInAnyOrder("p1", "p5");
        assertThat(ids(new ProductQuery(null, null, "Spalding", 100.0, null, null, SearchSort.RELEVANCE)))
                .containsExactly("p7");
    }

    @Test
    void sortsByPriceAndNewest() {
        ProductQuery sports = new ProductQuery(null, "Sports", null, null, null, null, SearchSort.PRICE_ASC);
        assertThat(ids(sports)).containsExactly("p5", "p4", "p1", "p7");
        assertThat(ids(new ProductQuery(null, "Sports", null, null, null, null, SearchSort.PRICE_DESC)))
                .containsExactly("p7", "p1", "p4", "p5");
        assertThat(ids(new ProductQuery(null, "Sports", null, null, null, null, SearchSort.NEWEST)))
                .containsExactly("p7", "p5", "p4", "p1");
    }

    @Test
    void replacesAndDeletesById() {
        index.upsert(List.of(CatalogTestData.product("p3", "Bread knife", "Wusthof", List.of("Home"), 30, true, "en",
                3)));
        index.delete(List.of("p6"));
        index.refresh();
        assertThat(index.size()).isEqualTo(6);
        assertThat(ids(ProductQuery.text("kitchen"))).isEmpty();
        assertThat(ids(ProductQuery.text("bread"))).containsExactly("p3");
    }

    @Test
    void suggestsTitlesAndPopularQueries() throws Exception {
        try (ProductSuggester suggester = new ProductSuggester(new ProductAnalyzers(null))) {
            suggester.rebuild(index.titles());
            suggester.recordQuery("basketball shoes");
            suggester.recordQuery("basketball shoes");
            assertThat(suggester.suggest("bask", 3)).first().isEqualTo("basketball shoes");
            assertThat(suggester.suggest("hoo", 5)).containsExactly("Basketball hoop with stand");
        }
    }

    @Test
    void countsFacetsAndTotalExactlyForATextQuery() {
        SearchPage page = index.search(ProductQuery.text("basketball"), 1, false, true, false);
        assertThat(page.hits()).hasSize(1);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.facets().get("brand")).extracting(FacetValue::value, FacetValue::count)
                .containsExactlyInAnyOrder(tuple("Spalding", 2L), tuple("Nike", 1L));
        assertThat(index.search(ProductQuery.text("basketball"), 1, false, false, false).total()).isEqualTo(3);
    }

    @Test
    void returnsDisplayFieldsOfEachHit() {
        ProductHit hit = index.search(ProductQuery.text("hoop"), 5, false, false, false).hits().get(0);
        assertThat(hit.id()).isEqualTo("p7");
        assertThat(hit.title()).isEqualTo("Basketball hoop with stand");
        assertThat(hit.brand()).isEqualTo("Spalding");
        assertThat(hit.price()).isEqualTo(249.0);
        assertThat(hit.highlight()).isEqualTo(hit.title());
    }

    @Test
    void highlightsStemmedSynonymAndMisspeltMatches() {
        assertThat(index.highlighter(ProductQuery.text("basketball shoes")).highlight("Air Zoom basketball shoe"))
                .isEqualTo("Air Zoom <em>basketball</em> <em>shoe</em>");
        assertThat(index.highlighter(ProductQuery.text("tv mount")).highlight("Television wall mount"))
                .isEqualTo("<em>Television</em> wall <em>mount</em>");
        assertThat(index.highlighter(ProductQuery.text("basketbal")).highlight("Indoor basketball"))
                .isEqualTo("Indoor <em>basketball</em>");
        assertThat(index.highlighter(ProductQuery.text("knife")).highlight("Garden hose")).isEqualTo("Garden hose");
    }

    @Test
    void joinsGivenProductsWithVectorNeighboursAndScoresThemLexically() {
        List<IndexedProduct> withVectors = CatalogTestData.products().stream()
                .map(p -> p.withVector(unit(p.id().equals("p4") ? 1 : 0, p.id().equals("p4") ? 0 : 1))).toList();
        index.upsert(withVectors);
        index.refresh();
        SearchPage candidates = index.hybridCandidates(ProductQuery.text("running"), List.of("p3", "p1"),
                unit(1, 0), 2, 0);
        assertThat(candidates.hits()).extracting(ProductHit::id).startsWith("p3", "p1", "p4").doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(4);
        assertThat(candidates.hits().get(0).score()).isZero();
        assertThat(candidates.hits().get(2).score()).isPositive();
        assertThat(candidates.vectors().get(2)).containsExactly(unit(1, 0));

        double plain = index.hybridCandidates(ProductQuery.text("runing"), List.of("p4"), null, 0, 0).hits().get(0)
                .score();
        double withGrams = index.hybridCandidates(ProductQuery.text("runing"), List.of("p4"), null, 0, 1).hits()
                .get(0).score();
        assertThat(withGrams).isGreaterThan(plain);
    }

    private static float[] unit(float x, float y) {
        return new float[] {x, y};
    }
}
