/** {@code aisle simulate}: writes a seeded demo shop to files. */
package dev.aisle.cli.simulate;
