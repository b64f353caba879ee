package dev.aisle.search.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Marks the query's matches in titles with {@code <em>}, using the Chinese title field for Chinese products. */
final class TitleHighlighter {

    private final ProductAnalyzers analyzers;

    TitleHighlighter(ProductAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    Map<Integer, String> highlight(IndexSearcher searcher, Query query, ScoreDoc[] docs) throws IOException {
        Map<Integer, String> highlights = new HashMap<>();
        if (docs.length == 0) {
            return highlights;
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzers.index())
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "… ", false))
                .withMaxNoHighlightPassages(0)
                .build();
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
        }
        String[] fields = {ProductFields.TITLE, ProductFields.TITLE_ZH};
        Map<String, String[]> byField = highlighter.highlightFields(fields, query, ids, new int[] {1, 1});
        for (int i = 0; i < ids.length; i++) {
            String chinese = byField.get(ProductFields.TITLE_ZH)[i];
            String english = byField.get(ProductFields.TITLE)[i];
            String best = chinese != null && chinese.contains("<em>") ? chinese : english;
            if (best != null) {
                highlights.put(ids[i], best.strip());
            }
        }
        return highlights;
    }
}
