package dev.aisle.search.index;

/**
 * Scoring settings of the index.
 *
 * @param k1 BM25 term-frequency saturation, in [0, 3] (Lucene default 1.2)
 * @param b BM25 length normalisation, in [0, 1] (Lucene default 0.75)
 * @param titleBoost weight of the title fields
 * @param brandBoost weight of the brand field
 * @param categoryBoost weight of the category field
 * @param descriptionBoost weight of the description fields
 */
public record IndexSettings(float k1, float b, float titleBoost, float brandBoost, float categoryBoost,
        float descriptionBoost) {

    public IndexSettings {
        if (!(k1 >= 0 && k1 <= 3)) {
            throw new IllegalArgumentException("illegal k1 value: " + k1 + ", must be between 0 and 3");
        }
        if (!(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("illegal b value: " + b + ", must be between 0 and 1");
        }
        for (float boost : new float[] {titleBoost, brandBoost, categoryBoost, descriptionBoost}) {
            if (!(boost >= 0 && Float.isFinite(boost))) {
                throw new IllegalArgumentException("illegal boost value: " + boost + ", must be finite and >= 0");
            }
        }
    }

    /** Lucene's BM25 defaults with title 3, brand 2, category 1.5, description 1. */
    public static IndexSettings defaults() {
        return new IndexSettings(1.2f, 0.75f, 3f, 2f, 1.5f, 1f);
    }
}
