/** Keeps the Lucene index in step with the catalogue: near-real-time updates, full rebuilds, the admin API. */
package dev.aisle.search.indexing;
