package dev.aisle.search.index;

/** Orders of search results. */
public enum SearchSort {
    RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST
}
