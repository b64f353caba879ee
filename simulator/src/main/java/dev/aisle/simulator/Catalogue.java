package dev.aisle.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The generated catalogue: products spread over the taxonomy's leaves with log-normal popularity, plus the indexes
 * the behaviour simulation samples from (products by leaf with cumulative popularity, result counts by query).
 */
public final class Catalogue {

    /** Share of products with Chinese titles (only in leaves that have a Chinese noun). */
    static final double CHINESE_SHARE = 0.05;

    private final Taxonomy taxonomy;

    private final List<SimulatedProduct> products;

    private final int[][] byLeaf;

    private final double[][] cumulativePopularity;

    private final Map<String, Integer> resultCounts;

    private Catalogue(Taxonomy taxonomy, List<SimulatedProduct> products) {
        this.taxonomy = taxonomy;
        this.products = List.copyOf(products);
        int leaves = taxonomy.leaves().size();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            members.add(new ArrayList<>());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < products.size(); i++) {
            SimulatedProduct p = products.get(i);
            members.get(p.leaf()).add(i);
            counts.merge(p.noun().toLowerCase(Locale.ROOT), 1, Integer::sum);
            counts.merge((p.brand() + " " + p.noun()).toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        this.byLeaf = new int[leaves][];
        this.cumulativePopularity = new double[leaves][];
        for (int l = 0; l < leaves; l++) {
            byLeaf[l] = members.get(l).stream().mapToInt(Integer::intValue).toArray();
            cumulativePopularity[l] = new double[byLeaf[l].length];
            double sum = 0;
            for (int k = 0; k < byLeaf[l].length; k++) {
                sum += products.get(byLeaf[l][k]).popularity();
                cumulativePopularity[l][k] = sum;
            }
        }
        this.resultCounts = Map.copyOf(counts);
    }

    /** Generates {@code size} products deterministically from {@code seed}, listed before {@code start}. */
    public static Catalogue generate(Taxonomy taxonomy, int size, long seed, Instant start) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Taxonomy.Leaf> leaves = taxonomy.leaves();
        int[] chineseLeaves = IntStream.range(0, leaves.size())
                .filter(i -> leaves.get(i).chineseNoun() != null)
                .toArray();
        List<SimulatedProduct> products = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            boolean chinese = random.nextDouble() < CHINESE_SHARE;
            // round-robin guarantees every leaf is stocked; the rest is random
            int leafIndex = chinese
                    ? chineseLeaves[random.nextInt(chineseLeaves.length)]
                    : (i < leaves.size() ? i : random.nextInt(leaves.size()));
            products.add(product(taxonomy, leafIndex, i, chinese, start, random));
        }
        return new Catalogue(taxonomy, products);
    }

    private static SimulatedProduct product(Taxonomy taxonomy, int leafIndex, int i, boolean chinese, Instant start,
            SplittableRandom random) {
        Taxonomy.Leaf leaf = taxonomy.leaves().get(leafIndex);
        Taxonomy.Brands brands = taxonomy.brands(leaf.department());
        Map<String, String> attributes = ProductText.attributes(leaf, random);
        // skewed towards the cheap end of the range, as real assortments are
        double position = Math.pow(random.nextDouble(), 1.6);
        double raw = leaf.minPrice() + position * (leaf.maxPrice() - leaf.minPrice());
        String title;
        String description;
        String brand;
        String noun;
        if (chinese && !brands.chinese().isEmpty()) {
            brand = ProductText.pick(brands.chinese(), random);
            noun = leaf.chineseNoun();
            title = ProductText.chineseTitle(brand, noun, random);
            description = ProductText.chineseDescription(brand, noun, random);
        } else {
            chinese = false;
            brand = ProductText.pick(brands.english(), random);
            noun = ProductText.pick(leaf.nouns(), random);
            title = ProductText.englishTitle(brand, noun, attributes, random);
            description = ProductText.englishDescription(brand, noun, leaf, attributes, random);
        }
        Instant created = start.minus(Duration.ofMinutes(60L + random.nextInt(365 * 24 * 60)));
        Instant updated = created.plus(Duration.ofMinutes(random.nextLong(Duration.between(created, start)
                .toMinutes())));
        double popularity = Math.exp(1.3 * gaussian(random));
        return new SimulatedProduct(
                String.format(Locale.ROOT, "p-%05d", i + 1),
                title,
                description,
                brand,
                leaf.path(),
                charmPrice(raw),
                attributes,
                random.nextDouble() < 0.93,
                chinese ? "zh" : "en",
                created,
                updated,
                leafIndex,
                noun,
                popularity,
                position);
    }

    /** Rounds to a shop price: x.99 above 10, x.49/x.99 below. */
    private static BigDecimal charmPrice(double raw) {
        double price = raw >= 10 ? Math.floor(raw) + 0.99 : Math.floor(raw * 2) / 2 + 0.49;
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The taxonomy the catalogue was generated from. */
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** All products, in id order. */
    public List<SimulatedProduct> products() {
        return products;
    }

    /** Number of products in a leaf. */
    int leafSize(int leaf) {
        return byLeaf[leaf].length;
    }

    /** Samples a product of a leaf in proportion to its popularity; -1 when the leaf is empty. */
    int samplePopular(int leaf, SplittableRandom random) {
        double[] cumulative = cumulativePopularity[leaf];
        if (cumulative.length == 0) {
            return -1;
        }
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int k = Arrays.binarySearch(cumulative, target);
        k = k >= 0 ? k : -k - 1;
        return byLeaf[leaf][Math.min(k, cumulative.length - 1)];
    }

    /** How many products a query made of a product noun (optionally prefixed by a brand) finds. */
    int resultCount(String query) {
        return resultCounts.getOrDefault(query.toLowerCase(Locale.ROOT), 0);
    }
}
