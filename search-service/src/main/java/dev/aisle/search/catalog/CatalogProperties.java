package dev.aisle.search.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the catalogue API.
 *
 * @param maxProductsPerRequest most products one bulk upsert may carry (default 10,000)
 * @param maxRequestBytes largest bulk upsert body in bytes (default 20 MB)
 */
@Validated
@ConfigurationProperties("aisle.catalog")
public record CatalogProperties(
        @Min(1) @Max(1_000_000) Integer maxProductsPerRequest,
        @Min(1024) Long maxRequestBytes) {

    public CatalogProperties {
        maxProductsPerRequest = maxProductsPerRequest == null ? 10_000 : maxProductsPerRequest;
        maxRequestBytes = maxRequestBytes == null ? 20L * 1024 * 1024 : maxRequestBytes;
    }
}
