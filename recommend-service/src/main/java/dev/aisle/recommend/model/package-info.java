/** Spring-free recommendation algorithms: fit on an {@link dev.aisle.recommend.model.Interactions} matrix, score, save and load. */
package dev.aisle.recommend.model;
