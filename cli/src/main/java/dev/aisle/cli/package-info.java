/** The ./aisle command line. */
package dev.aisle.cli;
