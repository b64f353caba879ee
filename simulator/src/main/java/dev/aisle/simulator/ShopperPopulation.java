package dev.aisle.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Draws shoppers with latent tastes over a catalogue's taxonomy. */
final class ShopperPopulation {

    /** Share of shoppers already customers when the period starts; the rest arrive during it. */
    static final double EXISTING_SHARE = 0.4;

    private ShopperPopulation() {}

    static List<Shopper> generate(Catalogue catalogue, SimulationParameters parameters) {
        List<Shopper> shoppers = new ArrayList<>(parameters.users());
        for (int i = 0; i < parameters.users(); i++) {
            shoppers.add(shopper(catalogue, parameters, i));
        }
        return shoppers;
    }

    /** Derives an independent random stream for a shopper from the seed and its index. */
    static SplittableRandom streamFor(long seed, int index) {
        long mixed = seed * 0x9E3779B97F4A7C15L + (index + 1L) * 0xBF58476D1CE4E5B9L;
        return new SplittableRandom(mixed ^ (mixed >>> 31));
    }

    private static Shopper shopper(Catalogue catalogue, SimulationParameters parameters, int index) {
        SplittableRandom random = streamFor(parameters.seed(), index);
        List<Taxonomy.Leaf> leaves = catalogue.taxonomy().leaves();
        String department = leaves.get(random.nextInt(leaves.size())).department();
        List<Integer> home = new ArrayList<>();
        for (int l = 0; l < leaves.size(); l++) {
            if (leaves.get(l).department().equals(department) && catalogue.leafSize(l) > 0) {
                home.add(l);
            }
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        int favourites = 2 + random.nextInt(4);
        while (chosen.size() < favourites) {
            // mostly from the home department, sometimes anywhere
            int leaf = random.nextDouble() < 0.7 && !home.isEmpty()
                    ? home.get(random.nextInt(home.size()))
                    : random.nextInt(leaves.size());
            if (catalogue.leafSize(leaf) > 0) {
                chosen.add(leaf);
            }
        }
        int[] leafIds = chosen.stream().mapToInt(Integer::intValue).toArray();
        double[] cumulative = new double[leafIds.length];
        double sum = 0;
        for (int k = 0; k < leafIds.length; k++) {
            sum += -Math.log(1 - random.nextDouble()); // Dirichlet(1) weights
            cumulative[k] = sum;
        }
        Set<String> brands = new HashSet<>();
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
            Taxonomy.Leaf leaf = leaves.get(leafIds[random.nextInt(leafIds.length)]);
            brands.add(ProductText.pick(catalogue.taxonomy().brands(leaf.department()).english(), random));
        }
        boolean chinese = random.nextDouble() < 0.06;
        if (chinese) {
            Taxonomy.Leaf leaf = leaves.get(leafIds[0]);
            List<String> zh = catalogue.taxonomy().brands(leaf.department()).chinese();
            if (!zh.isEmpty()) {
                brands.add(ProductText.pick(zh, random));
            }
        }
        double visitRate = 0.65 * Math.exp(0.8 * Catalogue.gaussian(random) - 0.32);
        double churn = 0.02 + 0.1 * random.nextDouble();
        long periodMinutes = Duration.ofDays(parameters.days()).toMinutes();
        Instant first = random.nextDouble() < EXISTING_SHARE
                ? parameters.start().plus(Duration.ofMinutes(random.nextLong(Math.max(1, periodMinutes / 10))))
                : parameters.start().plus(Duration.ofMinutes(random.nextLong(Math.max(1, periodMinutes * 9 / 10))));
        return new Shopper(index, random, leafIds, cumulative, brands, random.nextDouble(),
                Math.exp(0.5 * Catalogue.gaussian(random) - 0.125), visitRate, churn, chinese, first);
    }
}
