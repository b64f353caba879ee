package dev.aisle.search.ranking;

import java.util.List;

/** Reorders the candidates retrieved for a query, best first. */
public interface Reranker {

    /** The candidates with new scores, best first; ties keep the incoming order. */
    List<RankedProduct> rerank(String query, List<Candidate> candidates);
}
