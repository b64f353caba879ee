/** The {@code eval} and {@code bench} parents and the registration of subcommands other modules contribute. */
package dev.aisle.cli.extension;
