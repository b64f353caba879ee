/** The catalogue: search-service is the system of record for products ({@code catalog.products}). */
package dev.aisle.search.catalog;
