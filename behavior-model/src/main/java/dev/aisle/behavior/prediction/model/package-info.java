/** Spring-free session models: next-item prediction and purchase intent. */
package dev.aisle.behavior.prediction.model;
