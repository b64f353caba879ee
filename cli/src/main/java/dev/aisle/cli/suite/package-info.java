/** Running the suite locally: {@code aisle demo}, {@code aisle bench suite}, the embedded database, credentials. */
package dev.aisle.cli.suite;
