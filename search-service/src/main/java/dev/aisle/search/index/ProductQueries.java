package dev.aisle.search.index;

import static dev.aisle.search.index.ProductFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link ProductQuery} into Lucene queries: a boosted OR over the text fields (each analysed its own way),
 * fuzzy matching for terms the title vocabulary lacks, and filter clauses.
 */
final class ProductQueries {

    private static final int MIN_FUZZY_LENGTH = 4;

    private final ProductAnalyzers analyzers;
    private final IndexSettings settings;

    ProductQueries(ProductAnalyzers analyzers, IndexSettings settings) {
        this.analyzers = analyzers;
        this.settings = settings;
    }

    /** The scoring part: text fields only, or match-all when there is no text. */
    Query text(String text, IndexReader reader) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        QueryBuilder builder = new QueryBuilder(analyzers.query());
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        add(query, builder.createBooleanQuery(TITLE, text), settings.titleBoost());
        add(query, builder.createBooleanQuery(BRAND, text), settings.brandBoost());
        add(query, builder.createBooleanQuery(CATEGORY, text), settings.categoryBoost());
        add(query, builder.createBooleanQuery(DESCRIPTION, text), settings.descriptionBoost());
        if (ProductAnalyzers.hasCjk(text)) {
            add(query, builder.createBooleanQuery(TITLE_ZH, text), settings.titleBoost());
            add(query, builder.createBooleanQuery(DESCRIPTION_ZH, text), settings.descriptionBoost());
        } else {
            for (String term : outOfVocabulary(text, reader)) {
                int edits = term.length() >= 7 ? 2 : 1;
                add(query, new FuzzyQuery(new Term(TITLE, term), edits, 1), settings.titleBoost() * 0.5f);
            }
        }
        return query.build();
    }

    /** The title-only query the offline evaluation's BM25 reference uses (English analysis). */
    Query titleOnly(String text) {
        Query query = new QueryBuilder(analyzers.query()).createBooleanQuery(TITLE, text);
        return query == null ? new BooleanQuery.Builder().build() : query;
    }

    /** Character trigrams of the text against the title's trigram field, or {@code null} when it has none. */
    Query titleGrams(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return new QueryBuilder(analyzers.index()).createBooleanQuery(TITLE_GRAMS, text);
    }

    /** The text query filtered by the query's filters. */
    Query full(ProductQuery q, IndexReader reader) {
        return withFilter(text(q.text(), reader), q);
    }

    /** A text query (built once per search) filtered by the query's filters. */
    Query withFilter(Query text, ProductQuery q) {
        Query filter = filter(q);
        if (filter == null) {
            return text;
        }
        return new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER).build();
    }

    /** The filters alone, or {@code null} when there are none. */
    Query filter(ProductQuery q) {
        List<Query> clauses = new ArrayList<>();
        if (q.category() != null && !q.category().isBlank()) {
            clauses.add(new TermQuery(new Term(CATEGORY_PATH, q.category().trim())));
        }
        if (q.brand() != null && !q.brand().isBlank()) {
            clauses.add(new TermQuery(new Term(BRAND_EXACT, q.brand().trim())));
        }
        if (q.minPrice() != null || q.maxPrice() != null) {
            double min = q.minPrice() == null ? Double.NEGATIVE_INFINITY : q.minPrice();
            double max = q.maxPrice() == null ? Double.POSITIVE_INFINITY : q.maxPrice();
            clauses.add(DoublePoint.newRangeQuery(PRICE, min, max));
        }
        if (q.inStock() != null) {
            clauses.add(new TermQuery(new Term(IN_STOCK, q.inStock().toString())));
        }
        if (clauses.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        clauses.forEach(c -> filter.add(c, BooleanClause.Occur.FILTER));
        return filter.build();
    }

    /** Analysed title terms of the text that no indexed title holds. */
    List<String> outOfVocabulary(String text, IndexReader reader) {
        List<String> missing = new ArrayList<>();
        try {
            for (String term : terms(analyzers.index(), TITLE, text)) {
                if (term.length() >= MIN_FUZZY_LENGTH && term.chars().allMatch(Character::isLetter)
                        && reader.docFreq(new Term(TITLE, term)) == 0) {
                    missing.add(term);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return missing;
    }

    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static void add(BooleanQuery.Builder query, Query clause, float boost) {
        if (clause != null && boost > 0) {
            query.add(new BoostQuery(clause, boost), BooleanClause.Occur.SHOULD);
        }
    }
}
