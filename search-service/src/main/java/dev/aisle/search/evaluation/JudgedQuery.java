package dev.aisle.search.evaluation;

import java.util.Map;

/**
 * A query with its judged products.
 *
 * @param query the query text
 * @param grades product id → graded relevance (grade minus the dataset's minimum grade, so 0 = irrelevant)
 */
record JudgedQuery(String query, Map<String, Double> grades) {

    boolean hasRelevant() {
        return grades.values().stream().anyMatch(g -> g > 0);
    }
}
