/** The three downstream services: where they are, their health, their circuit breakers. */
package dev.aisle.gateway.downstream;
