/** Offline evaluation and latency benchmarks as picocli commands ({@code eval session}, {@code eval purchase}, {@code bench session}). */
package dev.aisle.behavior.prediction.model.eval;
