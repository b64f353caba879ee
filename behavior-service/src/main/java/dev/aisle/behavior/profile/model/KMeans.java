package dev.aisle.behavior.profile.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * K-Means clustering with k-means++ seeding.
 *
 * <p>Lloyd's algorithm (S. Lloyd, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2), 1982)
 * minimises the within-cluster sum of squares {@code Σ_i ||x_i − μ_{c(i)}||²} by alternating assignment to the
 * nearest centroid and recomputing each centroid as its points' mean. Seeding follows k-means++ (D. Arthur and
 * S. Vassilvitskii, "k-means++: The Advantages of Careful Seeding", SODA 2007): the first centroid is a uniformly
 * drawn point, each next one a point drawn with probability {@code D(x)² / Σ D(x)²}, where {@code D(x)} is the
 * distance to the nearest centroid chosen so far. A cluster left empty takes the point farthest from its centroid.
 */
public final class KMeans {

    private final int k;

    private final int maxIterations;

    private final long seed;

    /**
     * @param k number of clusters, at least 1
     * @param maxIterations most Lloyd iterations, at least 1
     * @param seed seed of the k-means++ draws
     */
    public KMeans(int k, int maxIterations, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("illegal k value: " + k + ", must be at least 1");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException(
                    "illegal maxIterations value: " + maxIterations + ", must be at least 1");
        }
        this.k = k;
        this.maxIterations = maxIterations;
        this.seed = seed;
    }

    /** Clusters the points (rows, all of one dimension); needs at least {@code k} points. */
    public Clustering fit(double[][] points) {
        if (points.length < k) {
            throw new IllegalArgumentException("need at least k = " + k + " points, got " + points.length);
        }
        double[][] centroids = seed(points);
        int[] assignment = new int[points.length];
        Arrays.fill(assignment, -1);
        int iteration = 0;
        boolean changed = true;
        while (changed && iteration < maxIterations) {
            iteration++;
            changed = assign(points, centroids, assignment);
            update(points, centroids, assignment);
        }
        double inertia = 0;
        for (int i = 0; i < points.length; i++) {
            inertia += squaredDistance(points[i], centroids[assignment[i]]);
        }
        return new Clustering(centroids, assignment, inertia, iteration);
    }

    private double[][] seed(double[][] points) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centroids = new double[k][];
        centroids[0] = points[random.nextInt(points.length)].clone();
        double[] nearest = new double[points.length];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < points.length; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(points[i], centroids[c - 1]));
                total += nearest[i];
            }
            int chosen = points.length - 1;
            if (total > 0) {
                double target = random.nextDouble() * total;
                double cumulative = 0;
                for (int i = 0; i < points.length; i++) {
                    cumulative += nearest[i];
                    if (cumulative >= target && nearest[i] > 0) {
                        chosen = i;
                        break;
                    }
                }
            } else {
                chosen = random.nextInt(points.length);
            }
            centroids[c] = points[chosen].clone();
        }
        return centroids;
    }

    private static boolean assign(double[][] points, double[][] centroids, int[] assignment) {
        boolean changed = false;
        for (int i = 0; i < points.length; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                double d = squaredDistance(points[i], centroids[c]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            if (assignment[i] != best) {
                assignment[i] = best;
                changed = true;
            }
        }
        return changed;
    }

    private static void update(double[][] points, double[][] centroids, int[] assignment) {
        int dims = points[0].length;
        double[][] sums = new double[centroids.length][dims];
        int[] counts = new int[centroids.length];
        for (int i = 0; i < points.length; i++) {
            counts[assignment[i]]++;
            for (int d = 0; d < dims; d++) {
                sums[assignment[i]][d] += points[i][d];
            }
        }
        for (int c = 0; c < centroids.length; c++) {
            if (counts[c] == 0) {
                int farthest = 0;
                double far = -1;
                for (int i = 0; i < points.length; i++) {
                    double d = squaredDistance(points[i], centroids[assignment[i]]);
                    if (d > far) {
                        far = d;
                        farthest = i;
                    }
                }
                centroids[c] = points[farthest].clone();
                continue;
            }
            for (int d = 0; d < dims; d++) {
                centroids[c][d] = sums[c][d] / counts[c];
            }
        }
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            sum += diff * diff;
        }
        return sum;
    }

    /**
     * A fitted clustering.
     *
     * @param centroids one centroid per cluster
     * @param assignment the cluster of each point
     * @param inertia within-cluster sum of squared distances
     * @param iterations Lloyd iterations run
     */
    public record Clustering(double[][] centroids, int[] assignment, double inertia, int iterations) {
    }
}
