/** Offline evaluation metrics: ranking, AUC, rating error, coverage and their averaging. */
package dev.aisle.common.metric;
