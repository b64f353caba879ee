package dev.aisle.search.index;

/** Names of the index fields. */
public final class ProductFields {

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String TITLE_ZH = "title_zh";
    public static final String TITLE_WORDS = "title_words";
    public static final String TITLE_GRAMS = "title_grams";
    public static final String DESCRIPTION = "description";
    public static final String DESCRIPTION_ZH = "description_zh";
    public static final String BRAND = "brand";
    public static final String BRAND_EXACT = "brand_exact";
    public static final String CATEGORY = "category";
    public static final String CATEGORY_PATH = "category_path";
    public static final String PRICE = "price";
    public static final String IN_STOCK = "in_stock";
    public static final String CREATED = "created";
    public static final String VECTOR = "vector";
    /** Doc values of the fields a hit displays (cheaper to read per hit than stored fields). */
    public static final String ID_VALUE = "id_value";
    public static final String TITLE_VALUE = "title_value";
    public static final String BRAND_VALUE = "brand_value";
    /** Facet dimensions. */
    public static final String FACET_BRAND = "brand";
    public static final String FACET_CATEGORY = "category";
    public static final String FACET_PRICE = "price";

    private ProductFields() {
    }
}
