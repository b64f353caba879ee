/** Sessions as the prediction models see them, read from {@code behavior.events}. */
package dev.aisle.behavior.prediction.session;
