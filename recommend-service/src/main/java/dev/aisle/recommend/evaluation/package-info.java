/** Offline evaluation ({@code aisle eval recommend}) and benchmarks ({@code aisle bench recommend}). */
package dev.aisle.recommend.evaluation;
