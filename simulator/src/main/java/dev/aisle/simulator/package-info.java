/** Seeded shop simulator. */
package dev.aisle.simulator;
