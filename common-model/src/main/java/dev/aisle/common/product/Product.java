package dev.aisle.common.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A catalogue product, the JSON contract of {@code /api/v1/catalog/products} and the row of {@code catalog.products}.
 *
 * <p>The compact constructor never throws: null collections become empty, collections are copied unmodifiable (null
 * elements are kept so that bean validation can report them), the currency is trimmed and upper-cased. Validate with
 * {@code @Valid}. In JSON an absent {@code inStock} means {@code true}.
 *
 * @param id          external product id, 1–128 characters
 * @param title       display title, not blank
 * @param description free text, optional
 * @param brand       brand name, optional
 * @param categoryPath category levels from the root, e.g. {@code [Sports, Basketball, Shoes]}; possibly empty
 * @param price       price, zero or positive, optional
 * @param currency    ISO 4217 three-letter code such as {@code USD}, optional
 * @param attributes  free-form string attributes (colour, size …), possibly empty
 * @param inStock     whether the product can be bought now
 * @param language    language tag of the text (e.g. {@code en}, {@code zh}), optional
 * @param createdAt   creation time, optional
 * @param updatedAt   last update time, optional
 */
public record Product(
        @NotBlank @Size(max = MAX_ID_LENGTH) String id,
        @NotBlank @Size(max = 1000) String title,
        String description,
        @Size(max = 200) String brand,
        @Size(max = 20) List<@NotBlank String> categoryPath,
        @PositiveOrZero BigDecimal price,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three capital letters") String currency,
        Map<@NotBlank String, String> attributes,
        @JsonProperty("inStock") boolean inStock,
        @Size(max = 35) String language,
        Instant createdAt,
        Instant updatedAt) {

    /** Longest accepted product id. */
    public static final int MAX_ID_LENGTH = 128;

    /** Separator between category levels in {@link #categoryPathString()} and {@code catalog.products.category_path}. */
    public static final String CATEGORY_SEPARATOR = " > ";

    public Product {
        categoryPath = categoryPath == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(categoryPath));
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        currency = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
    }

    /** JSON creator: like the canonical constructor, but an absent {@code inStock} means {@code true}. */
    @JsonCreator
    static Product fromJson(@JsonProperty("id") String id, @JsonProperty("title") String title,
            @JsonProperty("description") String description, @JsonProperty("brand") String brand,
            @JsonProperty("categoryPath") List<String> categoryPath, @JsonProperty("price") BigDecimal price,
            @JsonProperty("currency") String currency, @JsonProperty("attributes") Map<String, String> attributes,
            @JsonProperty("inStock") Boolean inStock, @JsonProperty("language") String language,
            @JsonProperty("createdAt") Instant createdAt, @JsonProperty("updatedAt") Instant updatedAt) {
        return new Product(id, title, description, brand, categoryPath, price, currency, attributes,
                inStock == null || inStock, language, createdAt, updatedAt);
    }

    /** The category levels joined with {@code " > "}, or the empty string when there are none. */
    @JsonIgnore
    public String categoryPathString() {
        return String.join(CATEGORY_SEPARATOR, categoryPath);
    }

    /**
     * Splits a category path such as {@code "Sports > Basketball > Shoes"} on {@code '>'}, trimming each level and
     * dropping empty ones; null or blank gives an empty list.
     */
    public static List<String> parseCategoryPath(String path) {
        if (path == null || path.isBlank()) {
            return List.of();
        }
        List<String> levels = new ArrayList<>();
        for (String level : path.split(">")) {
            String trimmed = level.strip();
            if (!trimmed.isEmpty()) {
                levels.add(trimmed);
            }
        }
        return List.copyOf(levels);
    }

    /** A copy with another id (e.g. the path id of a PUT). */
    public Product withId(String newId) {
        return new Product(newId, title, description, brand, categoryPath, price, currency, attributes, inStock,
                language, createdAt, updatedAt);
    }

    /** A copy with other timestamps. */
    public Product withTimestamps(Instant created, Instant updated) {
        return new Product(id, title, description, brand, categoryPath, price, currency, attributes, inStock,
                language, created, updated);
    }
}
