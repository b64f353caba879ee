/** Recurrent next-item models (LSTM, GRU) with sampled-softmax training on ND4J, and their blend with V-SKNN. */
package dev.aisle.behavior.prediction.model.neural;
