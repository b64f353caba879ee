package dev.aisle.search.query;

import dev.aisle.search.index.TitleMatch;

/**
 * Weights of the {@link TitleMatch} features added to the fused hybrid score (the fused score lies in [0, 1], the
 * features too, so a weight is the most a feature can move a product).
 *
 * @param coverage weight of the share of query terms the title holds
 * @param numbers weight of the share of query numbers the title holds
 * @param order weight of the share of adjacent query-term pairs found in order in the title
 * @param head weight of the title holding the query's last word (the head of the noun phrase)
 */
public record TitleMatchWeights(double coverage, double numbers, double order, double head) {

    /**
     * The defaults: numbers 0.3, order 0.05, head 0.2, coverage 0, chosen on the Home Depot dev data by a grid search
     * with 5-fold cross-validation by query (coverage added nothing once BM25 and trigrams are in the lexical score;
     * see docs/BENCHMARKS.md, "Search").
     */
    public static final TitleMatchWeights DEFAULTS = new TitleMatchWeights(0, 0.3, 0.05, 0.2);

    /** No title-match features: the plain fusion. */
    public static final TitleMatchWeights NONE = new TitleMatchWeights(0, 0, 0, 0);

    public TitleMatchWeights {
        check("coverage", coverage);
        check("numbers", numbers);
        check("order", order);
        check("head", head);
    }

    boolean any() {
        return coverage != 0 || numbers != 0 || order != 0 || head != 0;
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 10)) {
            throw new IllegalArgumentException("illegal " + name + " weight: " + value + ", must be between 0 and 10");
        }
    }
}
