package dev.aisle.search.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Autocomplete over product titles (Lucene's {@link AnalyzingInfixSuggester}: any word of a title may match the
 * prefix) and over popular past queries (counted in memory, bounded), popular queries first.
 */
public final class ProductSuggester implements Closeable {

    private static final int MAX_QUERIES = 10_000;

    private final AnalyzingInfixSuggester titles;
    private final Map<String, LongAdder> queries = new ConcurrentHashMap<>();
    private volatile boolean built;

    public ProductSuggester(ProductAnalyzers analyzers) {
        try {
            this.titles = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), analyzers.words(),
                    analyzers.words(), 2, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the title dictionary. */
    public synchronized void rebuild(List<String> productTitles) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(productTitles));
        try {
            titles.build(new TitleIterator(unique));
            built = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds titles without a rebuild. */
    public synchronized void add(List<String> productTitles) {
        if (!built) {
            rebuild(productTitles);
            return;
        }
        try {
            for (String title : productTitles) {
                titles.update(new BytesRef(title), null, 1, null);
            }
            titles.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts a query that found products. */
    public void recordQuery(String query) {
        String normalized = query.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || (queries.size() >= MAX_QUERIES && !queries.containsKey(normalized))) {
            return;
        }
        queries.computeIfAbsent(normalized, q -> new LongAdder()).increment();
    }

    /** Up to {@code n} completions of the prefix: popular queries, then titles. */
    public List<String> suggest(String prefix, int n) {
        String normalized = prefix.strip().toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        queries.entrySet().stream()
                .filter(e -> e.getKey().startsWith(normalized))
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(n)
                .forEach(e -> out.add(e.getKey()));
        if (built && out.size() < n) {
            try {
                for (Lookup.LookupResult result : titles.lookup(normalized, false, n)) {
                    if (out.size() < n) {
                        out.add(result.key.toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public void close() throws IOException {
        titles.close();
    }

    private static final class TitleIterator implements InputIterator {
        private final List<String> titles;
        private int next;

        TitleIterator(List<String> titles) {
            this.titles = titles;
        }

        @Override
        public BytesRef next() {
            return next < titles.size() ? new BytesRef(titles.get(next++)) : null;
        }

        @Override
        public long weight() {
            return 1;
        }

        @Override
        public BytesRef payload() {
            return null;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }
}
