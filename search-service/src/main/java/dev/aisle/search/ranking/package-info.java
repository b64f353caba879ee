/** Text encoders and rerankers over retrieved products; free of Spring and of the index. */
package dev.aisle.search.ranking;
