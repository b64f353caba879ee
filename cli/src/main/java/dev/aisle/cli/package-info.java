/** The {@code aisle} command line: demo launcher, simulator, import, eval and bench. */
package dev.aisle.cli;
