package dev.aisle.search.indexing;

import dev.aisle.search.index.IndexSettings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Index configuration.
 *
 * @param indexDir directory of the Lucene index (default {@code ~/.aisle/search-index})
 * @param k1 BM25 k1, in [0, 3] (default 1.2)
 * @param b BM25 b, in [0, 1] (default 0.75)
 * @param titleBoost title field weight (default 3)
 * @param brandBoost brand field weight (default 2)
 * @param categoryBoost category field weight (default 1.5)
 * @param descriptionBoost description field weight (default 1)
 * @param synonyms Solr-format synonym file: a path, or {@code classpath:search/synonyms.txt} (the default)
 * @param batchSize products read, embedded and indexed together during a rebuild (default 256)
 */
@Validated
@ConfigurationProperties("aisle.search")
public record IndexProperties(
        @NotBlank String indexDir,
        @DecimalMin("0") @DecimalMax("3") Float k1,
        @DecimalMin("0") @DecimalMax("1") Float b,
        @PositiveOrZero Float titleBoost,
        @PositiveOrZero Float brandBoost,
        @PositiveOrZero Float categoryBoost,
        @PositiveOrZero Float descriptionBoost,
        String synonyms,
        Integer batchSize) {

    public IndexProperties {
        indexDir = indexDir == null ? System.getProperty("user.home") + "/.aisle/search-index" : indexDir;
        IndexSettings d = IndexSettings.defaults();
        k1 = k1 == null ? d.k1() : k1;
        b = b == null ? d.b() : b;
        titleBoost = titleBoost == null ? d.titleBoost() : titleBoost;
        brandBoost = brandBoost == null ? d.brandBoost() : brandBoost;
        categoryBoost = categoryBoost == null ? d.categoryBoost() : categoryBoost;
        descriptionBoost = descriptionBoost == null ? d.descriptionBoost() : descriptionBoost;
        synonyms = synonyms == null ? "classpath:search/synonyms.txt" : synonyms;
        batchSize = batchSize == null || batchSize < 1 ? 256 : batchSize;
    }

    /** The scoring settings (validated again by {@link IndexSettings}). */
    public IndexSettings settings() {
        return new IndexSettings(k1, b, titleBoost, brandBoost, categoryBoost, descriptionBoost);
    }
}
