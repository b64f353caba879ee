package dev.aisle.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A simulated shopper: latent tastes that never change (favourite leaves, brands, price level, buying propensity,
 * visit rate, loyalty) and the little state that carries from one session to the next.
 *
 * <p>Each shopper owns a random stream derived from the seed and its index, so its history does not depend on the
 * order in which shoppers are simulated.
 */
final class Shopper {

    final int index;

    final String id;

    final SplittableRandom random;

    /** Favourite leaf indexes and their cumulative weights. */
    final int[] leaves;

    final double[] cumulativeLeafWeights;

    /** Brands this shopper prefers; others are accepted less often. */
    final Set<String> favouriteBrands;

    /** Preferred price position within a leaf, 0 (cheapest) to 1 (dearest). */
    final double pricePosition;

    /** Multiplier on the add-to-cart probability. */
    final double buyingPropensity;

    /** Mean sessions per day while active. */
    final double visitRate;

    /** Probability of never coming back after a session. */
    final double churn;

    /** Searches in Chinese where the leaf sells Chinese-titled products. */
    final boolean chineseSpeaker;

    Instant nextSession;

    int sessions;

    /** Bought products not yet rated (most recent last). */
    final Deque<Integer> unrated = new ArrayDeque<>();

    Shopper(int index, SplittableRandom random, int[] leaves, double[] cumulativeLeafWeights,
            Set<String> favouriteBrands, double pricePosition, double buyingPropensity, double visitRate,
            double churn, boolean chineseSpeaker, Instant firstSession) {
        this.index = index;
        this.id = String.format(Locale.ROOT, "u-%05d", index + 1);
        this.random = random;
        this.leaves = leaves;
        this.cumulativeLeafWeights = cumulativeLeafWeights;
        this.favouriteBrands = favouriteBrands;
        this.pricePosition = pricePosition;
        this.buyingPropensity = buyingPropensity;
        this.visitRate = visitRate;
        this.churn = churn;
        this.chineseSpeaker = chineseSpeaker;
        this.nextSession = firstSession;
    }

    /** Draws one of the favourite leaves by weight. */
    int favouriteLeaf() {
        double target = random.nextDouble() * cumulativeLeafWeights[cumulativeLeafWeights.length - 1];
        for (int k = 0; k < leaves.length; k++) {
            if (target < cumulativeLeafWeights[k]) {
                return leaves[k];
            }
        }
        return leaves[leaves.length - 1];
    }

    /** How much this shopper likes a product, in (0, 1]: brand affinity times price fit. */
    double affinity(SimulatedProduct product) {
        double brand = favouriteBrands.contains(product.brand()) ? 1.0 : 0.45;
        double distance = product.pricePosition() - pricePosition;
        double priceFit = 0.25 + 0.75 * Math.exp(-distance * distance / (2 * 0.2 * 0.2));
        return brand * priceFit;
    }
}
