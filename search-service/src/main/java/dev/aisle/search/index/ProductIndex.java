package dev.aisle.search.index;

import static dev.aisle.search.index.ProductFields.*;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
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
     * Searches text and filters.
     *
     * @param q the query
     * @param n how many hits to return (from the top)
     * @param vectors whether to return each hit's embedding
     * @param withFacets whether to count facets
     */
    public SearchPage search(ProductQuery q, int n, boolean vectors, boolean withFacets) {
        return withSearcher(searcher -> {
            Query query = queries.full(q, searcher.getIndexReader());
            FacetsCollectorManager.FacetsResult result = q.sort() == null || q.sort() == SearchSort.RELEVANCE
                    ? FacetsCollectorManager.search(searcher, query, Math.max(n, 1), new FacetsCollectorManager())
                    : FacetsCollectorManager.search(searcher, query, Math.max(n, 1), sort(q.sort()), true,
                            new FacetsCollectorManager());
            FacetsCollector collector = result.facetsCollector();
            long total = collector.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
            List<ProductHit> hits = hits(searcher, result.topDocs().scoreDocs, q);
            Map<String, List<FacetValue>> facetCounts = withFacets
                    ? facets.count(searcher.getIndexReader(), collector, q.category()) : Map.of();
            return new SearchPage(hits, vectors ? vectors(searcher, hits) : nulls(hits.size()), total, facetCounts);
        });
    }

    /**
     * Hybrid retrieval: the BM25 top {@code n} joined with the {@code k} nearest products to {@code vector}
     * (same filters); vector-only hits carry their exact BM25 score (0 when no term matches).
     */
    public SearchPage hybrid(ProductQuery q, int n, float[] vector, int k) {
        return withSearcher(searcher -> union(searcher, queries.full(q, searcher.getIndexReader()),
                queries.text(q.text(), searcher.getIndexReader()), queries.filter(q), n, vector, k, q));
    }

    /** The {@code k} products nearest to the vector among those passing the filters, nearest first. */
    public SearchPage nearest(ProductQuery filters, float[] vector, int k) {
        return withSearcher(searcher -> {
            ScoreDoc[] docs = knnDocs(searcher, filters, vector, k);
            List<ProductHit> hits = hits(searcher, docs, new ProductQuery(null, null, null, null, null, null, null));
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
        return titleScores(text, ids, 0);
    }

    /** BM25 title scores plus {@code gramBoost} times the BM25 score of the title's character trigrams. */
    public Map<String, Double> titleScores(String text, Collection<String> ids, float gramBoost) {
        return withSearcher(searcher -> {
            Query query = new BooleanQuery.Builder()
                    .add(queries.titleOnly(text, gramBoost), BooleanClause.Occur.MUST)
                    .add(new TermInSetQuery(ID, ids.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)
                    .build();
            Map<String, Double> scores = new HashMap<>();
            ids.forEach(id -> scores.put(id, 0.0));
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc doc : searcher.search(query, Math.max(ids.size(), 1)).scoreDocs) {
                scores.put(stored.document(doc.doc).get(ID), (double) doc.score);
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

    /** Hybrid retrieval over titles alone (offline evaluation): BM25 top {@code n} ∪ the {@code k} nearest. */
    public SearchPage hybridTitles(String text, int n, float[] vector, int k) {
        return hybridTitles(text, n, vector, k, 0);
    }

    /**
     * Hybrid retrieval over titles: BM25 top {@code n} ∪ the {@code k} nearest, every candidate then scored by
     * title BM25 plus {@code gramBoost} times the BM25 score of its character trigrams (robust to misspellings).
     */
    public SearchPage hybridTitles(String text, int n, float[] vector, int k, float gramBoost) {
        return withSearcher(searcher -> {
            SearchPage page = union(searcher, queries.titleOnly(text), queries.titleOnly(text), null, n, vector, k,
                    null);
            if (gramBoost <= 0) {
                return page;
            }
            List<Integer> docs = page.hits().stream().map(ProductHit::doc).toList();
            Map<Integer, Float> scores = scoreDocs(searcher, queries.titleOnly(text, gramBoost), docs);
            List<ProductHit> rescored = page.hits().stream()
                    .map(h -> h.withScore(scores.getOrDefault(h.doc(), 0f))).toList();
            return new SearchPage(rescored, page.vectors(), page.total(), page.facets());
        });
    }

    private SearchPage union(IndexSearcher searcher, Query lexicalQuery, Query scoringQuery, Query knnFilter, int n,
            float[] vector, int k, ProductQuery highlightFor) throws IOException {
        TopDocs lexical = searcher.search(lexicalQuery, Math.max(n, 1));
        Map<Integer, Float> scores = new LinkedHashMap<>();
        for (ScoreDoc doc : lexical.scoreDocs) {
            scores.put(doc.doc, doc.score);
        }
        List<Integer> extra = new ArrayList<>();
        if (vector != null && k > 0) {
            for (ScoreDoc doc : searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k, knnFilter), k).scoreDocs) {
                if (!scores.containsKey(doc.doc)) {
                    extra.add(doc.doc);
                }
            }
        }
        Map<Integer, Float> extraScores = scoreDocs(searcher, scoringQuery, extra);
        List<ScoreDoc> all = new ArrayList<>(List.of(lexical.scoreDocs));
        extra.forEach(doc -> all.add(new ScoreDoc(doc, extraScores.getOrDefault(doc, 0f))));
        List<ProductHit> hits = hits(searcher, all.toArray(ScoreDoc[]::new), highlightFor);
        return new SearchPage(hits, vectors(searcher, hits), lexical.totalHits.value, Map.of());
    }

    /** A "did you mean" rewrite of the text, or {@code null} when every word is known. */
    public String didYouMean(String text) {
        return withSearcher(searcher -> new SpellingCorrector(analyzers).correct(text, searcher.getIndexReader()));
    }

    /** Stored titles of every product, for suggesters. */
    public List<String> titles() {
        return withSearcher(searcher -> {
            List<String> titles = new ArrayList<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                var live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        titles.add(stored.document(doc).get(TITLE));
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

    private static Map<Integer, Float> scoreDocs(IndexSearcher searcher, Query query, List<Integer> docs)
            throws IOException {
        Map<Integer, Float> scores = new HashMap<>();
        if (docs.isEmpty()) {
            return scores;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int doc : docs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null && scorer.iterator().advance(doc - leaf.docBase) == doc - leaf.docBase) {
                scores.put(doc, scorer.score());
            }
        }
        return scores;
    }

    private List<ProductHit> hits(IndexSearcher searcher, ScoreDoc[] docs, ProductQuery q) throws IOException {
        Map<Integer, String> highlights = q == null || !q.hasText() ? Map.of()
                : new TitleHighlighter(analyzers).highlight(searcher, queries.text(q.text(),
                        searcher.getIndexReader()), docs);
        StoredFields stored = searcher.storedFields();
        List<ProductHit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            Document d = stored.document(doc.doc);
            var price = d.getField(PRICE);
            String title = d.get(TITLE);
            hits.add(new ProductHit(doc.doc, d.get(ID), title, d.get(BRAND),
                    price == null ? null : price.numericValue().doubleValue(),
                    Float.isNaN(doc.score) ? 0 : doc.score, highlights.getOrDefault(doc.doc, title)));
        }
        return hits;
    }

    private static List<float[]> vectors(IndexSearcher searcher, List<ProductHit> hits) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<float[]> vectors = new ArrayList<>(hits.size());
        for (ProductHit hit : hits) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc(), leaves));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
            int local = hit.doc() - leaf.docBase;
            vectors.add(values != null && values.advance(local) == local ? values.vectorValue().clone() : null);
        }
        return vectors;
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
