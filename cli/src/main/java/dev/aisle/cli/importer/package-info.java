/** {@code aisle import}: loads files into a running suite through the public API. */
package dev.aisle.cli.importer;
