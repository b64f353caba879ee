package dev.aisle.search.index;

import static dev.aisle.search.index.ProductFields.*;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The product index: one {@link IndexWriter} and a near-real-time {@link SearcherManager} over a directory,
 * searched with BM25 ({@code k1}, {@code b} from {@link IndexSettings}) and, for vectors, HNSW kNN.
 * Writes are expected from one thread at a time; searches from any thread.
 */
public final class ProductIndex implements Closeable {

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ProductAnalyzers analyzers;
    private final ProductQueries queries;
    private final ProductDocuments documents;
    private final ProductFacets facets;
    private final BM25Similarity similarity;

    private ProductIndex(Directory directory, ProductAnalyzers analyzers, IndexSettings settings) throws IOException {
        this.directory = directory;
        this.analyzers = analyzers;
        this.similarity = new BM25Similarity(settings.k1(), settings.b());
        IndexWriterConfig config = new IndexWriterConfig(analyzers.index())
                .setSimilarity(similarity)
                .setRAMBufferSizeMB(64)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                    org.apache.lucene.index.IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                return searcher;
            }
        });
        FacetsConfig facetsConfig = ProductDocuments.facetsConfig();
        this.queries = new ProductQueries(analyzers, settings);
        this.documents = new ProductDocuments(facetsConfig);
        this.facets = new ProductFacets(facetsConfig);
    }

    /** Opens (or creates) the index in a directory on disk. */
    public static ProductIndex open(Path path, ProductAnalyzers analyzers, IndexSettings settings) {
        try {
            return new ProductIndex(FSDirectory.open(path), analyzers, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An index held in memory (tests, offline evaluation). */
    public static ProductIndex inMemory(ProductAnalyzers analyzers, IndexSettings settings) {
        try {
            return new ProductIndex(new ByteBuffersDirectory(), analyzers, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces products by id; visible after {@link #refresh()}. */
    public void upsert(Collection<IndexedProduct> products) {
        try {
            for (IndexedProduct product : products) {
                writer.updateDocument(new Term(ID, product.id()), documents.build(product));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes products by id; visible after {@link #refresh()}. */
    public void delete(Collection<String> ids) {
        try {
            writer.deleteDocuments(ids.stream().map(id -> new Term(ID, id)).toArray(Term[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every product; visible after {@link #refresh()}. */
    public void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes so far visible to searches and durable on disk. */
    public void commitAndRefresh() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes so far visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of products searches see. */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /**
     * Searches text and filters; every hit returned is highlighted.
     *
     * @param q the query
     * @param n how many hits to return (from the top)
     * @param vectors whether to return each hit's embedding
     * @param withFacets whether to count facets
     */
    public SearchPage search(ProductQuery q, int n, boolean vectors, boolean withFacets) {
        return search(q, n, vectors, withFacets, true);
    }

    /**
     * Searches text and filters. The total is exact: with facets it comes from the facet pass, which visits every
     * match anyway; without, from a count that Lucene answers from index statistics where it can.
     *
     * @param q the query
     * @param n how many hits to return (from the top)
     * @param vectors whether to return each hit's embedding
     * @param withFacets whether to count facets (exact, over every matching product)
     * @param highlight whether to highlight the hits' titles (callers serving a page of a longer list highlight the
     *     page alone with {@link #highlighter(ProductQuery)})
     */
    public SearchPage search(ProductQuery q, int n, boolean vectors, boolean withFacets, boolean highlight) {
        return withSearcher(searcher -> {
            Query text = queries.text(q.text(), searcher.getIndexReader());
            Query query = queries.withFilter(text, q);
            boolean relevance = q.sort() == null || q.sort() == SearchSort.RELEVANCE;
            TopDocs top;
            long total;
            Map<String, List<FacetValue>> facetCounts = Map.of();
            if (withFacets) {
                FacetsCollectorManager.FacetsResult result = relevance
                        ? FacetsCollectorManager.search(searcher, query, Math.max(n, 1), new FacetsCollectorManager())
                        : FacetsCollectorManager.search(searcher, query, Math.max(n, 1), sort(q.sort()), true,
                                new FacetsCollectorManager());
                top = result.topDocs();
                total = result.facetsCollector().getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
                facetCounts = facets.count(searcher.getIndexReader(), result.facetsCollector(), q.category());
            } else {
                top = relevance ? searcher.search(query, Math.max(n, 1))
                        : searcher.search(query, Math.max(n, 1), sort(q.sort()), true);
                total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value
                        : searcher.count(query);
            }
            List<ProductHit> hits = hits(searcher, top.scoreDocs,
                    highlight && q.hasText() ? new TitleHighlighter(analyzers.index(), text) : null);
            return new SearchPage(hits, vectors ? vectors(searcher, hits) : nulls(hits.size()), total, facetCounts);
        });
    }

    /** Marks the query's words in titles; for the page of results actually served. */
    public TitleHighlighter highlighter(ProductQuery q) {
        return withSearcher(searcher -> new TitleHighlighter(analyzers.index(),
                queries.text(q.text(), searcher.getIndexReader())));
    }

    /**
     * The candidates of hybrid ranking, scored as the service and the offline evaluation both score them: the given
     * products (in order; typically the BM25 top N), then the {@code k} products nearest to {@code vector} among those
     * passing the query's filters that are not given, each with its lexical score and its embedding. The lexical score
     * is the BM25 score of the query's text query plus {@code gramWeight} times the BM25 score of the title's
     * character trigrams (robust to misspellings and run-together words), 0 when nothing matches; products are
     * looked up by id, so a list from an earlier searcher is scored consistently.
     *
     * @param q the query (text and filters)
     * @param ids products already retrieved
     * @param vector the query's embedding, or {@code null} for none
     * @param k how many nearest products to add (0 for none)
     * @param gramWeight weight of the trigram score (0 = BM25 alone)
     */
    public SearchPage hybridCandidates(ProductQuery q, List<String> ids, float[] vector, int k, float gramWeight) {
        return withSearcher(searcher -> {
            Set<String> seen = new HashSet<>(ids);
            List<String> all = new ArrayList<>(ids);
            if (vector != null && k > 0) {
                ScoreDoc[] nearest = knnDocs(searcher, q, vector, k);
                for (ProductHit hit : hits(searcher, nearest, null)) {
                    if (seen.add(hit.id())) {
                        all.add(hit.id());
                    }
                }
            }
            if (all.isEmpty()) {
                return new SearchPage(List.of(), List.of(), 0, Map.of());
            }
            BooleanQuery.Builder scoring = new BooleanQuery.Builder()
                    .add(queries.text(q.text(), searcher.getIndexReader()), BooleanClause.Occur.SHOULD)
                    .add(new TermInSetQuery(ID, all.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
            Query grams = gramWeight > 0 ? queries.titleGrams(q.text()) : null;
            if (grams != null) {
                scoring.add(new BoostQuery(grams, gramWeight), BooleanClause.Occur.SHOULD);
            }
            ScoreDoc[] docs = searcher.search(scoring.build(), all.size()).scoreDocs;
            Map<String, ProductHit> byId = new HashMap<>();
            for (ProductHit hit : hits(searcher, docs, null)) {
                byId.put(hit.id(), hit);
            }
            List<ProductHit> hits = new ArrayList<>(all.size());
            for (String id : all) {
                ProductHit hit = byId.get(id);
                if (hit != null) {
                    hits.add(hit);
                }
            }
            return new SearchPage(hits, vectors(searcher, hits), hits.size(), Map.of());
        });
    }

    /** The {@code k} products nearest to the vector among those passing the filters, nearest first. */
    public SearchPage nearest(ProductQuery filters, float[] vector, int k) {
        return withSearcher(searcher -> {
            ScoreDoc[] docs = knnDocs(searcher, filters, vector, k);
            List<ProductHit> hits = hits(searcher, docs, null);
            return new SearchPage(hits, vectors(searcher, hits), docs.length, Map.of());
        });
    }

    /** The BM25 top {@code n} over titles alone, as in the offline evaluation. */
    public List<ProductHit> searchTitles(String text, int n) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(queries.titleOnly(text), Math.max(n, 1));
            return hits(searcher, top.scoreDocs, null);
        });
    }

    /** BM25 title scores of the given products for the text (0 for those no term matches). */
    public Map<String, Double> titleScores(String text, Collection<String> ids) {
        return withSearcher(searcher -> {
            Query query = new BooleanQuery.Builder()
                    .add(queries.titleOnly(text), BooleanClause.Occur.MUST)
                    .add(new TermInSetQuery(ID, ids.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)
                    .build();
            Map<String, Double> scores = new HashMap<>();
            ids.forEach(id -> scores.put(id, 0.0));
            ScoreDoc[] docs = searcher.search(query, Math.max(ids.size(), 1)).scoreDocs;
            for (ProductHit hit : hits(searcher, docs, null)) {
                scores.put(hit.id(), hit.score());
            }
            return scores;
        });
    }

    /** Embeddings of the given products, by id (absent when a product has none). */
    public Map<String, float[]> vectorsById(Collection<String> ids) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermInSetQuery(ID, ids.stream().map(BytesRef::new).toList()),
                    Math.max(ids.size(), 1));
            List<ProductHit> hits = hits(searcher, top.scoreDocs, null);
            List<float[]> vectors = vectors(searcher, hits);
            Map<String, float[]> byId = new HashMap<>();
            for (int i = 0; i < hits.size(); i++) {
                if (vectors.get(i) != null) {
                    byId.put(hits.get(i).id(), vectors.get(i));
                }
            }
            return byId;
        });
    }

    /** A "did you mean" rewrite of the text, or {@code null} when every word is known. */
    public String didYouMean(String text) {
        return withSearcher(searcher -> new SpellingCorrector(analyzers).correct(text, searcher.getIndexReader()));
    }

    /** The text with misspelt words replaced by the closest title words (the text itself when none is). */
    public String correctSpelling(String text) {
        return withSearcher(searcher -> new SpellingCorrector(analyzers).rewrite(text, searcher.getIndexReader()));
    }

    /** Query–title match features of one query, to score candidate titles with. */
    public TitleMatch titleMatch(String text) {
        return withSearcher(searcher -> new TitleMatch(analyzers.index(), text, searcher.getIndexReader()));
    }

    /** Stored titles of every product, for suggesters. */
    public List<String> titles() {
        return withSearcher(searcher -> {
            List<String> titles = new ArrayList<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                BinaryDocValues values = leaf.reader().getBinaryDocValues(TITLE_VALUE);
                var live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        titles.add(values != null && values.advanceExact(doc) ? values.binaryValue().utf8ToString()
                                : stored.document(doc).get(TITLE));
                    }
                }
            }
            return titles;
        });
    }

    private ScoreDoc[] knnDocs(IndexSearcher searcher, ProductQuery q, float[] vector, int k) throws IOException {
        if (vector == null || k <= 0) {
            return new ScoreDoc[0];
        }
        return searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k, queries.filter(q)), k).scoreDocs;
    }

    /**
     * The hits' display fields, read from doc values (a few bytes each) rather than stored fields, which decompress
     * a whole block of documents per hit; documents are visited in increasing order per segment, as doc-values
     * iterators require. Segments written before these doc values existed fall back to stored fields.
     */
    private static List<ProductHit> hits(IndexSearcher searcher, ScoreDoc[] docs, TitleHighlighter highlighter)
            throws IOException {
        ProductHit[] out = new ProductHit[docs.length];
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(docs[x].doc, docs[y].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        DisplayValues values = null;
        StoredFields stored = null;
        for (int i : order) {
            ScoreDoc doc = docs[i];
            if (values == null || doc.doc >= values.leaf.docBase + values.leaf.reader().maxDoc()) {
                values = new DisplayValues(leaves.get(ReaderUtil.subIndex(doc.doc, leaves)));
            }
            int local = doc.doc - values.leaf.docBase;
            String id = values.string(values.id, local);
            String title = values.string(values.title, local);
            String brand;
            if (id != null && title != null) {
                brand = values.string(values.brand, local);
            } else {
                stored = stored == null ? searcher.storedFields() : stored;
                Document d = stored.document(doc.doc);
                id = d.get(ID);
                title = d.get(TITLE);
                brand = d.get(BRAND);
            }
            Double price = values.price != null && values.price.advanceExact(local)
                    ? Double.longBitsToDouble(values.price.longValue()) : null;
            out[i] = new ProductHit(doc.doc, id, title, brand, price, Float.isNaN(doc.score) ? 0 : doc.score,
                    highlighter == null ? title : highlighter.highlight(title));
        }
        return java.util.Arrays.asList(out);
    }

    /** Doc-values iterators of one segment's display fields. */
    private static final class DisplayValues {
        final LeafReaderContext leaf;
        final BinaryDocValues id;
        final BinaryDocValues title;
        final BinaryDocValues brand;
        final NumericDocValues price;

        DisplayValues(LeafReaderContext leaf) throws IOException {
            this.leaf = leaf;
            this.id = leaf.reader().getBinaryDocValues(ID_VALUE);
            this.title = leaf.reader().getBinaryDocValues(TITLE_VALUE);
            this.brand = leaf.reader().getBinaryDocValues(BRAND_VALUE);
            this.price = leaf.reader().getNumericDocValues(PRICE);
        }

        String string(BinaryDocValues values, int doc) throws IOException {
            return values != null && values.advanceExact(doc) ? values.binaryValue().utf8ToString() : null;
        }
    }

    private static List<float[]> vectors(IndexSearcher searcher, List<ProductHit> hits) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        float[][] out = new float[hits.size()][];
        Integer[] order = new Integer[hits.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(hits.get(x).doc(), hits.get(y).doc()));
        LeafReaderContext leaf = null;
        FloatVectorValues values = null;
        for (int i : order) {
            int doc = hits.get(i).doc();
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = leaf.reader().getFloatVectorValues(VECTOR);
            }
            int local = doc - leaf.docBase;
            if (values != null && (values.docID() == local
                    || values.docID() < local && values.advance(local) == local)) {
                out[i] = values.vectorValue().clone();
            }
        }
        return java.util.Arrays.asList(out);
    }

    private static List<float[]> nulls(int n) {
        List<float[]> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(null);
        }
        return list;
    }

    private static Sort sort(SearchSort sort) {
        return switch (sort) {
            case PRICE_ASC -> new Sort(new SortField(PRICE, SortField.Type.DOUBLE, false), SortField.FIELD_SCORE);
            case PRICE_DESC -> new Sort(new SortField(PRICE, SortField.Type.DOUBLE, true), SortField.FIELD_SCORE);
            case NEWEST -> new Sort(new SortField(CREATED, SortField.Type.LONG, true), SortField.FIELD_SCORE);
            case RELEVANCE -> Sort.RELEVANCE;
        };
    }

    private <T> T withSearcher(SearcherFunction<T> function) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
