/** Choice and start of the PostgreSQL database: external, embedded persistent, or embedded temporary. */
package dev.aisle.support.db;
