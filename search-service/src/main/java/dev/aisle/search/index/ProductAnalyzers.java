package dev.aisle.search.index;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Analysis per field and language: English fields are stemmed (Porter), Chinese fields are segmented by the
 * SmartChinese analyzer, the {@code title_words} field keeps lower-cased words for spelling and suggestions. At
 * query time English text also passes a {@link SynonymGraphFilter} over a Solr-format synonym list.
 */
public final class ProductAnalyzers {

    private final Analyzer index;
    private final Analyzer query;
    private final Analyzer words = new WordsAnalyzer();

    /**
     * @param synonyms Solr-format synonym rules ({@code tv, television}), or {@code null} for none
     */
    public ProductAnalyzers(Reader synonyms) {
        Analyzer chinese = new SmartChineseAnalyzer();
        Map<String, Analyzer> perField = Map.of(
                ProductFields.TITLE_ZH, chinese,
                ProductFields.DESCRIPTION_ZH, chinese,
                ProductFields.TITLE_WORDS, words,
                ProductFields.TITLE_GRAMS, new TrigramAnalyzer());
        this.index = new PerFieldAnalyzerWrapper(new EnglishStemAnalyzer(null), perField);
        this.query = new PerFieldAnalyzerWrapper(new EnglishStemAnalyzer(parse(synonyms)), perField);
    }

    /** The analyzer documents are indexed with. */
    public Analyzer index() {
        return index;
    }

    /** The analyzer queries are parsed with (the index analysis plus synonyms). */
    public Analyzer query() {
        return query;
    }

    /** Lower-cased words, unstemmed. */
    public Analyzer words() {
        return words;
    }

    /** Whether the text holds Chinese, Japanese or Korean characters. */
    public static boolean hasCjk(String text) {
        if (text == null) {
            return false;
        }
        return text.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
        });
    }

    private SynonymMap parse(Reader synonyms) {
        if (synonyms == null) {
            return null;
        }
        try {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, words);
            parser.parse(synonyms);
            SynonymMap map = parser.build();
            return map.fst == null ? null : map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("illegal synonym file: " + e.getMessage(), e);
        }
    }

    /** Character trigrams of each lower-cased word (with word boundaries), for misspelt and run-together words. */
    private static final class TrigramAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            result = new NGramTokenFilter(new PatternReplaceFilter(result, BOUNDARY, "_$1_", false), 3, 3, false);
            return new TokenStreamComponents(source, result);
        }
    }

    private static final java.util.regex.Pattern BOUNDARY = java.util.regex.Pattern.compile("^(.*)$");

    private static final class WordsAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    }

    /** {@link EnglishAnalyzer}'s chain with optional synonyms before stop words and stemming. */
    private static final class EnglishStemAnalyzer extends Analyzer {
        private final SynonymMap synonyms;

        EnglishStemAnalyzer(SynonymMap synonyms) {
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            if (synonyms != null) {
                result = new SynonymGraphFilter(result, synonyms, true);
            }
            result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, new PorterStemFilter(result));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
