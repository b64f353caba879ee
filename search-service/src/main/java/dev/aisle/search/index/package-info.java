/** The Lucene product index: analysis, documents, queries, facets, spelling and suggestions; free of Spring. */
package dev.aisle.search.index;
