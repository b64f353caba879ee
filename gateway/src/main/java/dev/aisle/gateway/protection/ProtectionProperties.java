package dev.aisle.gateway.protection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Request limits.
 *
 * @param maxBodySize the largest request body accepted (413 beyond it); default 20MB, enough for bulk catalogue and
 *     event uploads
 */
@ConfigurationProperties("aisle.gateway.protection")
@Validated
public record ProtectionProperties(DataSize maxBodySize) {

    public ProtectionProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(20) : maxBodySize;
        if (maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("illegal max-body-size " + maxBodySize + ", must be positive");
        }
    }
}
