package dev.aisle.search.index;

import static dev.aisle.search.index.ProductFields.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.DoubleRange;
import org.apache.lucene.facet.range.DoubleRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;

/** Exact facet counts over the products a query matched: category children, brands and price buckets. */
final class ProductFacets {

    private static final int MAX_VALUES = 20;
    private static final DoubleRange[] PRICE_BUCKETS = {
        new DoubleRange("0-25", 0, true, 25, false),
        new DoubleRange("25-50", 25, true, 50, false),
        new DoubleRange("50-100", 50, true, 100, false),
        new DoubleRange("100-250", 100, true, 250, false),
        new DoubleRange("250-500", 250, true, 500, false),
        new DoubleRange("500+", 500, true, Double.POSITIVE_INFINITY, true),
    };

    private final FacetsConfig config;
    private IndexReader stateReader;
    private SortedSetDocValuesReaderState state;

    ProductFacets(FacetsConfig config) {
        this.config = config;
    }

    Map<String, List<FacetValue>> count(IndexReader reader, FacetsCollector collector, String categoryFilter)
            throws IOException {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        SortedSetDocValuesReaderState current = state(reader);
        if (current != null) {
            SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(current, collector);
            String[] path = categoryFilter == null || categoryFilter.isBlank()
                    ? new String[0] : categoryFilter.trim().split(" > ");
            facets.put(FACET_CATEGORY, values(safeTop(counts, FACET_CATEGORY, path)));
            facets.put(FACET_BRAND, values(safeTop(counts, FACET_BRAND)));
        } else {
            facets.put(FACET_CATEGORY, List.of());
            facets.put(FACET_BRAND, List.of());
        }
        DoubleRangeFacetCounts prices = new DoubleRangeFacetCounts(PRICE, collector, PRICE_BUCKETS);
        List<FacetValue> buckets = new ArrayList<>();
        for (LabelAndValue value : prices.getAllChildren(PRICE).labelValues) {
            buckets.add(new FacetValue(value.label, value.value.longValue()));
        }
        facets.put(FACET_PRICE, buckets);
        return facets;
    }

    private synchronized SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        if (reader != stateReader) {
            stateReader = reader;
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, config);
            } catch (IllegalArgumentException noFacetsYet) {
                state = null;
            }
        }
        return state;
    }

    private static FacetResult safeTop(SortedSetDocValuesFacetCounts counts, String dim, String... path)
            throws IOException {
        try {
            return counts.getTopChildren(MAX_VALUES, dim, path);
        } catch (IllegalArgumentException unknownDimension) {
            return null;
        }
    }

    private static List<FacetValue> values(FacetResult result) {
        if (result == null) {
            return List.of();
        }
        List<FacetValue> values = new ArrayList<>();
        for (LabelAndValue value : result.labelValues) {
            values.add(new FacetValue(value.label, value.value.longValue()));
        }
        return values;
    }
}
