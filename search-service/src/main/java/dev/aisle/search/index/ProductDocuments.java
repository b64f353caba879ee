package dev.aisle.search.index;

import static dev.aisle.search.index.ProductFields.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Builds the Lucene document of a product: full-text fields per language, exact fields, facets, the vector. */
final class ProductDocuments {

    /** Category levels are joined with this separator, as in {@code catalog.products.category_path}. */
    static final String PATH_SEPARATOR = " > ";

    private final FacetsConfig facets;

    ProductDocuments(FacetsConfig facets) {
        this.facets = facets;
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setHierarchical(FACET_CATEGORY, true);
        return config;
    }

    Document build(IndexedProduct p) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        doc.add(new BinaryDocValuesField(ID_VALUE, new BytesRef(p.id())));
        doc.add(new BinaryDocValuesField(TITLE_VALUE, new BytesRef(p.title())));
        boolean chinese = isChinese(p);
        doc.add(new TextField(TITLE, p.title(), Field.Store.YES));
        doc.add(new TextField(TITLE_WORDS, p.title(), Field.Store.NO));
        doc.add(new TextField(TITLE_GRAMS, p.title(), Field.Store.NO));
        if (chinese) {
            doc.add(new TextField(TITLE_ZH, p.title(), Field.Store.YES));
        }
        if (p.description() != null && !p.description().isBlank()) {
            doc.add(new TextField(DESCRIPTION, p.description(), Field.Store.NO));
            if (chinese) {
                doc.add(new TextField(DESCRIPTION_ZH, p.description(), Field.Store.NO));
            }
        }
        if (p.brand() != null && !p.brand().isBlank()) {
            doc.add(new TextField(BRAND, p.brand(), Field.Store.YES));
            doc.add(new StringField(BRAND_EXACT, p.brand(), Field.Store.NO));
            doc.add(new BinaryDocValuesField(BRAND_VALUE, new BytesRef(p.brand())));
            doc.add(new SortedSetDocValuesFacetField(FACET_BRAND, p.brand()));
        }
        List<String> path = p.categoryPath().stream().filter(level -> !level.isBlank()).toList();
        if (!path.isEmpty()) {
            String joined = String.join(PATH_SEPARATOR, path);
            doc.add(new TextField(CATEGORY, joined, Field.Store.YES));
            List<String> prefix = new ArrayList<>();
            for (String level : path) {
                prefix.add(level);
                doc.add(new StringField(CATEGORY_PATH, String.join(PATH_SEPARATOR, prefix), Field.Store.NO));
            }
            doc.add(new SortedSetDocValuesFacetField(FACET_CATEGORY, path.toArray(String[]::new)));
        }
        if (p.price() != null) {
            doc.add(new DoublePoint(PRICE, p.price()));
            doc.add(new DoubleDocValuesField(PRICE, p.price()));
            doc.add(new StoredField(PRICE, p.price()));
        }
        doc.add(new StringField(IN_STOCK, Boolean.toString(p.inStock()), Field.Store.NO));
        doc.add(new NumericDocValuesField(CREATED, p.createdAtMillis()));
        if (p.vector() != null) {
            doc.add(new KnnFloatVectorField(VECTOR, p.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return facets.build(doc);
    }

    static boolean isChinese(IndexedProduct p) {
        String language = p.language() == null ? "" : p.language().toLowerCase();
        return language.startsWith("zh") || language.startsWith("ja") || language.startsWith("ko")
                || ProductAnalyzers.hasCjk(p.title()) || ProductAnalyzers.hasCjk(p.description());
    }
}
