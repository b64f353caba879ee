package dev.aisle.search.index;

/** One value of a facet with the number of matching products that have it. */
public record FacetValue(String value, long count) {
}
