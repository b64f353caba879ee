package dev.aisle.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": each word of the query that no title contains is replaced by the closest title word
 * (Levenshtein distance ≤ 2, most frequent first) found by Lucene's {@link DirectSpellChecker}.
 */
final class SpellingCorrector {

    private final ProductAnalyzers analyzers;

    SpellingCorrector(ProductAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /**
     * The text with each misspelt word replaced in place (case, digits and punctuation kept), for encoders that
     * read the raw text; the text itself when nothing was corrected.
     */
    String rewrite(String text, IndexReader reader) {
        if (text == null || text.isBlank() || ProductAnalyzers.hasCjk(text)) {
            return text;
        }
        DirectSpellChecker checker = new DirectSpellChecker();
        java.util.regex.Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        try {
            while (m.find()) {
                String suggestion = suggestion(m.group().toLowerCase(java.util.Locale.ROOT), checker, reader);
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                        suggestion != null ? suggestion : m.group()));
            }
            m.appendTail(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Words of three or more letters with letters on both sides (not parts of {@code 2x4} or {@code 3in}). */
    private static final java.util.regex.Pattern WORD =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}{3,}(?![\\p{L}\\p{N}])");

    /** The corrected text, or {@code null} when nothing was corrected. */
    String correct(String text, IndexReader reader) {
        if (text == null || text.isBlank() || ProductAnalyzers.hasCjk(text)) {
            return null;
        }
        List<String> words = ProductQueries.terms(analyzers.words(), ProductFields.TITLE_WORDS, text);
        DirectSpellChecker checker = new DirectSpellChecker();
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        try {
            for (String word : words) {
                String suggestion = word.length() >= 3 && word.chars().allMatch(Character::isLetter)
                        ? suggestion(word, checker, reader) : null;
                changed |= suggestion != null;
                corrected.append(corrected.isEmpty() ? "" : " ").append(suggestion != null ? suggestion : word);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed ? corrected.toString() : null;
    }

    /** The closest title word for a lower-case word no title holds, or {@code null} (held, or nothing close). */
    private static String suggestion(String word, DirectSpellChecker checker, IndexReader reader) throws IOException {
        Term term = new Term(ProductFields.TITLE_WORDS, word);
        if (reader.docFreq(term) > 0) {
            return null;
        }
        SuggestWord[] suggestions = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return suggestions.length > 0 ? suggestions[0].string : null;
    }
}
