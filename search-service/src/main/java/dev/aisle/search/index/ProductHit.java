package dev.aisle.search.index;

/**
 * A product found by a search.
 *
 * @param doc Lucene document number in the searcher that found it
 * @param id product id
 * @param title title
 * @param brand brand or {@code null}
 * @param price price or {@code null}
 * @param score relevance score (BM25, or fused after reranking)
 * @param highlight title with matched terms in {@code <em>}, or the plain title
 */
public record ProductHit(int doc, String id, String title, String brand, Double price, double score,
        String highlight) {

    public ProductHit withScore(double newScore) {
        return new ProductHit(doc, id, title, brand, price, newScore, highlight);
    }
}
