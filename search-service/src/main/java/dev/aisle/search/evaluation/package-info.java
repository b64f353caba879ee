/** Offline evaluation ({@code ./aisle eval search}) and benchmark ({@code ./aisle bench search}) of search. */
package dev.aisle.search.evaluation;
