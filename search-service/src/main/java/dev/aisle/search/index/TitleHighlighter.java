package dev.aisle.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Marks the query's matches in a title with {@code <em>}, using the Chinese title field for Chinese titles.
 *
 * <p>Built once per query: the terms (and, for fuzzy clauses, the Levenshtein automata) the query looks for in the
 * title fields are collected with a {@link QueryVisitor}; each title is then re-tokenised with the field's index
 * analyzer and every token whose term the query looks for is wrapped. Titles are a few words long, so this costs
 * microseconds per title, and only the titles of the page served are marked (no {@code MemoryIndex} per document as
 * Lucene's analysis-based highlighters build).
 */
public final class TitleHighlighter {

    private static final String[] FIELDS = {ProductFields.TITLE, ProductFields.TITLE_ZH};

    private final Analyzer analyzer;
    private final Map<String, Set<BytesRef>> terms = new HashMap<>();
    private final Map<String, List<ByteRunAutomaton>> automata = new HashMap<>();

    /**
     * @param analyzer the index analyzer (per field)
     * @param query the text query (not rewritten; fuzzy clauses are matched through their automata)
     */
    TitleHighlighter(Analyzer analyzer, Query query) {
        this.analyzer = analyzer;
        for (String field : FIELDS) {
            terms.put(field, new HashSet<>());
            automata.put(field, new ArrayList<>());
        }
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                return terms.containsKey(field);
            }

            @Override
            public void consumeTerms(Query q, Term... found) {
                for (Term term : found) {
                    Set<BytesRef> set = terms.get(term.field());
                    if (set != null) {
                        set.add(BytesRef.deepCopyOf(term.bytes()));
                    }
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                List<ByteRunAutomaton> list = automata.get(field);
                if (list != null) {
                    list.add(automaton.get());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
    }

    /** The title with matched words in {@code <em>}, or the plain title when nothing matches. */
    public String highlight(String title) {
        if (title == null || title.isEmpty()) {
            return title;
        }
        if (ProductAnalyzers.hasCjk(title)) {
            String chinese = mark(ProductFields.TITLE_ZH, title);
            if (chinese != null) {
                return chinese;
            }
        }
        String english = mark(ProductFields.TITLE, title);
        return english != null ? english : title;
    }

    private String mark(String field, String title) {
        Set<BytesRef> wanted = terms.get(field);
        List<ByteRunAutomaton> fuzzy = automata.get(field);
        if (wanted.isEmpty() && fuzzy.isEmpty()) {
            return null;
        }
        StringBuilder out = null;
        int copied = 0;
        try (TokenStream stream = analyzer.tokenStream(field, title)) {
            TermToBytesRefAttribute term = stream.addAttribute(TermToBytesRefAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (start < copied || end > title.length() || !matches(term.getBytesRef(), wanted, fuzzy)) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(title.length() + 16);
                }
                out.append(title, copied, start).append("<em>").append(title, start, end).append("</em>");
                copied = end;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out == null ? null : out.append(title, copied, title.length()).toString().strip();
    }

    private static boolean matches(BytesRef term, Set<BytesRef> wanted, List<ByteRunAutomaton> fuzzy) {
        if (wanted.contains(term)) {
            return true;
        }
        for (ByteRunAutomaton automaton : fuzzy) {
            if (automaton.run(term.bytes, term.offset, term.length)) {
                return true;
            }
        }
        return false;
    }
}
