/** Next-item baselines: popularity, session popularity, sequential rules and session kNN. */
package dev.aisle.behavior.prediction.model.baseline;
