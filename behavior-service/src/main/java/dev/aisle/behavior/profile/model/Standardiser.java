package dev.aisle.behavior.profile.model;

/** Z-score standardisation {@code z = (x − mean) / sd} per column (population sd; a constant column keeps sd 1). */
public final class Standardiser {

    private final double[] mean;

    private final double[] sd;

    private Standardiser(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    /** Fits the column means and standard deviations of non-empty rows. */
    public static Standardiser fit(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("need at least one row");
        }
        int dims = rows[0].length;
        double[] mean = new double[dims];
        double[] sd = new double[dims];
        for (double[] row : rows) {
            for (int d = 0; d < dims; d++) {
                mean[d] += row[d] / rows.length;
            }
        }
        for (double[] row : rows) {
            for (int d = 0; d < dims; d++) {
                sd[d] += (row[d] - mean[d]) * (row[d] - mean[d]) / rows.length;
            }
        }
        for (int d = 0; d < dims; d++) {
            sd[d] = sd[d] > 1e-12 ? Math.sqrt(sd[d]) : 1;
        }
        return new Standardiser(mean, sd);
    }

    /** The standardised copy of the rows. */
    public double[][] transform(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[rows[i].length];
            for (int d = 0; d < rows[i].length; d++) {
                out[i][d] = (rows[i][d] - mean[d]) / sd[d];
            }
        }
        return out;
    }

    /** A standardised point back in original units. */
    public double[] inverse(double[] z) {
        double[] x = new double[z.length];
        for (int d = 0; d < z.length; d++) {
            x[d] = z[d] * sd[d] + mean[d];
        }
        return x;
    }
}
