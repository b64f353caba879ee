/** Purchase-intent models: logistic regression on session aggregates and a DL4J LSTM classifier. */
package dev.aisle.behavior.prediction.model.purchase;
