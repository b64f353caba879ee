/** Readers for public evaluation datasets and generic product/event/interaction files; malformed rows fail with file:line. */
package dev.aisle.common.dataset;
