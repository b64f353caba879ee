package dev.aisle.common.feature;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text normalisation and tokenisation shared by search and content-based recommendations.
 *
 * <p>{@link #normalize} applies Unicode NFKC (full-width forms become ASCII), lower-cases with {@link Locale#ROOT},
 * strips Latin/Greek/Cyrillic diacritics ({@code café → cafe}) and collapses runs of whitespace into one space.
 * Only combining diacritical marks are removed, so vowel signs of Indic and other scripts survive.
 *
 * <p>{@link #tokenize} splits the normalised text into runs of letters and digits. A run of CJK ideographs has no
 * word boundaries, so it is emitted as single characters and overlapping bigrams: for each position the unigram,
 * then the bigram starting there ({@code 篮球鞋 → 篮, 篮球, 球, 球鞋, 鞋}).
 */
public final class TextNormalizer {

    /** A small English stop-word list for callers that want one. */
    public static final Set<String> ENGLISH_STOPWORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by",
            "for", "from", "in", "is", "it", "of", "on", "or", "the", "to", "with");

    private TextNormalizer() {
    }

    /** The normalised text; null gives the empty string. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = isAscii(text) ? text : stripDiacritics(Normalizer.normalize(text, Normalizer.Form.NFKC));
        return collapseWhitespace(s.toLowerCase(Locale.ROOT));
    }

    /** Tokens of the normalised text (see the class comment). */
    public static List<String> tokenize(String text) {
        return tokenize(text, Set.of());
    }

    /** Tokens of the normalised text without those in {@code stopwords} (compared after normalisation). */
    public static List<String> tokenize(String text, Set<String> stopwords) {
        String s = normalize(text);
        List<String> tokens = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (isIdeograph(cp)) {
                int end = i;
                while (end < n && isIdeograph(s.codePointAt(end))) {
                    end += Character.charCount(s.codePointAt(end));
                }
                emitCjk(s, i, end, tokens, stopwords);
                i = end;
            }
            else if (Character.isLetterOrDigit(cp)) {
                int end = i + Character.charCount(cp);
                while (end < n) {
                    int next = s.codePointAt(end);
                    if (isIdeograph(next) || !(Character.isLetterOrDigit(next) || isMark(next))) {
                        break;
                    }
                    end += Character.charCount(next);
                }
                add(s.substring(i, end), tokens, stopwords);
                i = end;
            }
            else {
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    /** Whether the code point is a CJK ideograph (Han script). */
    public static boolean isIdeograph(int codePoint) {
        return Character.isIdeographic(codePoint);
    }

    private static void emitCjk(String s, int start, int end, List<String> tokens, Set<String> stopwords) {
        int i = start;
        while (i < end) {
            int w1 = Character.charCount(s.codePointAt(i));
            add(s.substring(i, i + w1), tokens, stopwords);
            if (i + w1 < end) {
                int w2 = Character.charCount(s.codePointAt(i + w1));
                add(s.substring(i, i + w1 + w2), tokens, stopwords);
            }
            i += w1;
        }
    }

    private static void add(String token, List<String> tokens, Set<String> stopwords) {
        if (!stopwords.contains(token)) {
            tokens.add(token);
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String stripDiacritics(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean stripped = false;
        for (int i = 0, n = decomposed.length(); i < n; i++) {
            char c = decomposed.charAt(i);
            if (isCombiningDiacritic(c)) {
                stripped = true;
            }
            else {
                out.append(c);
            }
        }
        return stripped ? Normalizer.normalize(out, Normalizer.Form.NFC) : s;
    }

    private static boolean isCombiningDiacritic(char c) {
        return (c >= '\u0300' && c <= '\u036F') || (c >= '\u1AB0' && c <= '\u1AFF')
                || (c >= '\u1DC0' && c <= '\u1DFF') || (c >= '\u20D0' && c <= '\u20FF')
                || (c >= '\uFE20' && c <= '\uFE2F');
    }

    private static String collapseWhitespace(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            }
            else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.length() == n ? s : out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
