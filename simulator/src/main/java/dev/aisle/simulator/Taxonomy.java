package dev.aisle.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated shop's three-level category tree with its product nouns, price ranges, attribute keys and brands,
 * read from {@code taxonomy.txt} and {@code brands.txt} next to this class.
 */
public final class Taxonomy {

    /**
     * One leaf category.
     *
     * @param path department, category and leaf names
     * @param nouns English product nouns sold in the leaf
     * @param minPrice lowest list price in USD
     * @param maxPrice highest list price in USD
     * @param attributes attribute keys products of this leaf carry
     * @param chineseNoun the Chinese product noun, or {@code null} when the leaf sells no Chinese-titled products
     */
    public record Leaf(
            List<String> path,
            List<String> nouns,
            double minPrice,
            double maxPrice,
            List<String> attributes,
            String chineseNoun) {

        /** The top-level department. */
        public String department() {
            return path.get(0);
        }
    }

    /**
     * The brands of one department.
     *
     * @param english brands used in English titles
     * @param chinese brands used in Chinese titles (may be empty)
     */
    public record Brands(List<String> english, List<String> chinese) {}

    private final List<Leaf> leaves;

    private final Map<String, Brands> brands;

    private Taxonomy(List<Leaf> leaves, Map<String, Brands> brands) {
        this.leaves = List.copyOf(leaves);
        this.brands = Map.copyOf(brands);
    }

    /** Loads the built-in taxonomy. */
    public static Taxonomy builtIn() {
        List<Leaf> leaves = new ArrayList<>();
        for (String line : lines("taxonomy.txt")) {
            String[] f = line.split("\\|", -1);
            String[] range = f[2].trim().split("-");
            String zh = f[4].trim();
            leaves.add(new Leaf(
                    split(f[0], ">"),
                    split(f[1], ","),
                    Double.parseDouble(range[0]),
                    Double.parseDouble(range[1]),
                    split(f[3], ","),
                    zh.isEmpty() ? null : zh));
        }
        Map<String, Brands> brands = new HashMap<>();
        for (String line : lines("brands.txt")) {
            int colon = line.indexOf(':');
            String[] f = line.substring(colon + 1).split("\\|", -1);
            brands.put(line.substring(0, colon).trim(), new Brands(split(f[0], ","), split(f[1], ",")));
        }
        for (Leaf leaf : leaves) {
            if (!brands.containsKey(leaf.department())) {
                throw new IllegalStateException("no brands for department " + leaf.department());
            }
        }
        return new Taxonomy(leaves, brands);
    }

    /** All leaf categories, in file order. */
    public List<Leaf> leaves() {
        return leaves;
    }

    /** The brands of a department. */
    public Brands brands(String department) {
        return brands.get(department);
    }

    private static List<String> split(String text, String separator) {
        return Arrays.stream(text.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Taxonomy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
