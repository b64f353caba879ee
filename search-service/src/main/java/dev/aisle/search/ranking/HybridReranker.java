package dev.aisle.search.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Convex combination of lexical and semantic relevance (Bruch, Gai &amp; Ingber, "An Analysis of Fusion Functions
 * for Hybrid Retrieval", ACM TOIS 2023): per query, both scores are min-max normalised over the candidates,
 * {@code s(d) = w · mm(bm25(q, d)) + (1 − w) · mm(cos(e(q), e(d)))}; a candidate without a vector has cosine 0.
 */
public final class HybridReranker implements Reranker {

    private final TextEncoder queryEncoder;
    private final double lexicalWeight;

    /**
     * @param queryEncoder encodes the query (products carry precomputed vectors)
     * @param lexicalWeight {@code w}, the weight of the normalised BM25 score, in [0, 1]
     */
    public HybridReranker(TextEncoder queryEncoder, double lexicalWeight) {
        if (!(lexicalWeight >= 0 && lexicalWeight <= 1)) {
            throw new IllegalArgumentException(
                    "illegal lexicalWeight value: " + lexicalWeight + ", must be between 0 and 1");
        }
        this.queryEncoder = queryEncoder;
        this.lexicalWeight = lexicalWeight;
    }

    @Override
    public List<RankedProduct> rerank(String query, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return fuse(queryEncoder.encode(query), candidates, lexicalWeight);
    }

    /** Fuses with a query vector computed elsewhere. */
    public static List<RankedProduct> fuse(float[] queryVector, List<Candidate> candidates, double lexicalWeight) {
        return fuse(queryVector, candidates, lexicalWeight, null);
    }

    /**
     * Fuses with a query vector computed elsewhere and adds {@code bonus[i]} (e.g. weighted title-match features) to
     * candidate {@code i}'s fused score; {@code null} for none.
     */
    public static List<RankedProduct> fuse(float[] queryVector, List<Candidate> candidates, double lexicalWeight,
            double[] bonus) {
        int n = candidates.size();
        double[] lexical = new double[n];
        double[] semantic = new double[n];
        for (int i = 0; i < n; i++) {
            Candidate candidate = candidates.get(i);
            lexical[i] = candidate.lexicalScore();
            semantic[i] = candidate.vector() == null ? 0 : dot(queryVector, candidate.vector());
        }
        minMax(lexical);
        minMax(semantic);
        List<RankedProduct> ranked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ranked.add(new RankedProduct(
                    candidates.get(i).id(), lexicalWeight * lexical[i] + (1 - lexicalWeight) * semantic[i]
                            + (bonus == null ? 0 : bonus[i])));
        }
        ranked.sort(Comparator.comparingDouble(RankedProduct::score).reversed());
        return ranked;
    }

    /** Dot product; the cosine for unit vectors. */
    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void minMax(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        for (int i = 0; i < values.length; i++) {
            values[i] = range > 0 ? (values[i] - min) / range : 0;
        }
    }
}
