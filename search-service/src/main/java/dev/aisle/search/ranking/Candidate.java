package dev.aisle.search.ranking;

/**
 * A retrieved product offered to a reranker.
 *
 * @param id product id
 * @param text the product text the reranker may read (cross-encoders)
 * @param lexicalScore BM25 score of the product for the query (0 when it does not match)
 * @param vector the product's unit-length embedding, or {@code null} when it has none
 */
public record Candidate(String id, String text, double lexicalScore, float[] vector) {
}
