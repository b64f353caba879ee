/** The query API: search with filters, facets, reranking and fallbacks; suggestions; search events. */
package dev.aisle.search.query;
