/** The prediction API: next items and purchase probability for a session, with popularity fallbacks. */
package dev.aisle.behavior.prediction;
