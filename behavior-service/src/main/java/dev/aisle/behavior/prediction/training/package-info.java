/** Training, validation, versioning and serving of the next-item and purchase-intent models. */
package dev.aisle.behavior.prediction.training;
