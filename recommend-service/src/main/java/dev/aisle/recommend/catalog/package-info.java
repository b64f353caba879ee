/** The read-only view of {@code catalog.products} recommend-service filters and explains with. */
package dev.aisle.recommend.catalog;
