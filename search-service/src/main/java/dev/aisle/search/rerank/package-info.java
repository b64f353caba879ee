/** Spring wiring of the encoders and rerankers of {@code dev.aisle.search.ranking}: configuration and lazy loading. */
package dev.aisle.search.rerank;
