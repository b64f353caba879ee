package dev.aisle.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * How well one query's words are found in a product title, computed per candidate on the few dozen products a
 * hybrid ranking fuses (each title is a handful of words, analysed once here; nothing is re-read from the index).
 * Four features in [0, 1], which {@code HybridRetrieval} weights and adds to the fused score:
 * <ul>
 * <li><b>coverage</b>: the share of the query's distinct analysed (stemmed) terms that the title holds,
 * {@code |Q ∩ T| / |Q|}; a term no title holds (a misspelling) also counts as found when a title term lies within
 * Damerau–Levenshtein distance 1 (2 from 7 letters). The Kaggle Home Depot winners list query-word counts and ratios
 * in the title among their strongest features (Kaggle "Home Depot Product Search Relevance", 2016, competitors'
 * write-ups); BM25 rewards matched terms but with idf and length weights, so a title holding every query word
 * can still trail one that repeats a rare word.</li>
 * <li><b>numbers</b>: the share of the query's numbers ({@code 2x4} → 2, 4; {@code 1/2} → 0.5;
 * {@code 1-1/2} → 1.5) that the title holds; 0 when the query has none. Sizes decide relevance in a hardware
 * catalogue, and word analysis splits {@code 1/2} into unrelated tokens.</li>
 * <li><b>order</b>: the share of adjacent query-term pairs found adjacent and in the same order in the title (a
 * phrase/proximity signal, as in Metzler &amp; Croft's sequential dependence model, SIGIR 2005); 0 for one-term
 * queries.</li>
 * <li><b>head</b>: 1 when the title holds the query's last all-letter term (fuzzily, as above, when no title holds
 * it), else 0. In an English noun phrase the last word is the head, the kind of product asked for
 * ({@code angle bracket}: a bracket); "last query word in the title" is another of the Home Depot competitors'
 * features.</li>
 * </ul>
 */
public final class TitleMatch {

    /** {@code 1-1/2}, {@code 3/4}, {@code 2.5}, {@code 10}: whole, fraction or decimal numbers. */
    private static final Pattern NUMBER =
            Pattern.compile("(\\d+)\\s*-\\s*(\\d+)/(\\d+)|(\\d+)/(\\d+)|\\d+(?:\\.\\d+)?");

    private final Analyzer analyzer;
    private final List<String> terms;
    private final List<String> distinct;
    private final boolean[] unknown;
    private final List<Double> numbers;

    TitleMatch(Analyzer analyzer, String query, IndexReader reader) {
        this.analyzer = analyzer;
        this.terms = query == null ? List.of() : ProductQueries.terms(analyzer, ProductFields.TITLE, query);
        this.distinct = new ArrayList<>(new LinkedHashSet<>(terms));
        this.unknown = new boolean[distinct.size()];
        try {
            for (int i = 0; i < distinct.size(); i++) {
                String term = distinct.get(i);
                unknown[i] = reader != null && term.length() >= 4 && term.chars().allMatch(Character::isLetter)
                        && reader.docFreq(new Term(ProductFields.TITLE, term)) == 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.numbers = query == null ? List.of() : numbers(query);
    }

    /** Coverage, numbers, order and head of one title, in that order. */
    public double[] score(String title) {
        if (title == null) {
            return new double[4];
        }
        List<String> titleTerms = ProductQueries.terms(analyzer, ProductFields.TITLE, title);
        return new double[] {coverage(titleTerms), numberMatch(numbers(title)), order(titleTerms), head(titleTerms)};
    }

    double head(List<String> titleTerms) {
        String last = null;
        for (String term : terms) {
            if (term.chars().allMatch(Character::isLetter)) {
                last = term;
            }
        }
        if (last == null) {
            return 0;
        }
        Set<String> held = Set.copyOf(titleTerms);
        boolean lastUnknown = unknown[distinct.indexOf(last)];
        return held.contains(last) || lastUnknown && nearAny(last, held) ? 1 : 0;
    }

    double coverage(List<String> titleTerms) {
        if (distinct.isEmpty()) {
            return 0;
        }
        Set<String> held = Set.copyOf(titleTerms);
        int found = 0;
        for (int i = 0; i < distinct.size(); i++) {
            String term = distinct.get(i);
            if (held.contains(term) || unknown[i] && nearAny(term, held)) {
                found++;
            }
        }
        return (double) found / distinct.size();
    }

    double numberMatch(List<Double> titleNumbers) {
        if (numbers.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (double n : numbers) {
            for (double t : titleNumbers) {
                if (Math.abs(n - t) < 1e-6) {
                    found++;
                    break;
                }
            }
        }
        return (double) found / numbers.size();
    }

    double order(List<String> titleTerms) {
        if (terms.size() < 2) {
            return 0;
        }
        Set<String> pairs = new java.util.HashSet<>();
        for (int i = 0; i + 1 < titleTerms.size(); i++) {
            pairs.add(titleTerms.get(i) + ' ' + titleTerms.get(i + 1));
        }
        int found = 0;
        for (int i = 0; i + 1 < terms.size(); i++) {
            if (pairs.contains(terms.get(i) + ' ' + terms.get(i + 1))) {
                found++;
            }
        }
        return (double) found / (terms.size() - 1);
    }

    /** The numbers written in a text, fractions as their values. */
    static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                double denominator = Double.parseDouble(m.group(3));
                if (denominator > 0) {
                    out.add(Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2)) / denominator);
                }
            } else if (m.group(4) != null) {
                double denominator = Double.parseDouble(m.group(5));
                if (denominator > 0) {
                    out.add(Double.parseDouble(m.group(4)) / denominator);
                }
            } else {
                out.add(Double.parseDouble(m.group()));
            }
        }
        return out;
    }

    private static boolean nearAny(String term, Set<String> titleTerms) {
        int max = term.length() >= 7 ? 2 : 1;
        for (String t : titleTerms) {
            if (Math.abs(t.length() - term.length()) <= max && distance(term, t) <= max) {
                return true;
            }
        }
        return false;
    }

    /** Optimal-string-alignment (Damerau–Levenshtein with adjacent transpositions) distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
