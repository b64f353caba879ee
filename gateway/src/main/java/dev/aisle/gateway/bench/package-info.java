/** {@code ./aisle bench gateway}: the latency the gateway adds to a call. */
package dev.aisle.gateway.bench;
