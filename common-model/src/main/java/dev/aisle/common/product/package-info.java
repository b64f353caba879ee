/** The catalogue's product record. */
package dev.aisle.common.product;
