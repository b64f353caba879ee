package dev.aisle.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One generated product with the hidden facts the simulation needs (its leaf, noun, popularity and price position).
 *
 * @param id product id ({@code p-00001} …)
 * @param title the title
 * @param description the description
 * @param brand the brand
 * @param categoryPath department, category and leaf
 * @param price list price in USD
 * @param attributes attribute values
 * @param inStock whether it can be bought
 * @param language {@code en} or {@code zh}
 * @param createdAt when it was listed
 * @param updatedAt when it last changed
 * @param leaf index of the leaf in {@link Taxonomy#leaves()}
 * @param noun the product noun in the title's language
 * @param popularity relative popularity within the leaf (log-normal)
 * @param pricePosition where the price sits in the leaf's range, 0 (cheapest) to 1 (dearest)
 */
public record SimulatedProduct(
        String id,
        String title,
        String description,
        String brand,
        List<String> categoryPath,
        BigDecimal price,
        Map<String, String> attributes,
        boolean inStock,
        String language,
        Instant createdAt,
        Instant updatedAt,
        int leaf,
        String noun,
        double popularity,
        double pricePosition) {}
