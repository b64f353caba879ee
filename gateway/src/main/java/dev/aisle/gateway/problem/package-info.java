/** RFC 9457 problem+json responses written by the gateway itself. */
package dev.aisle.gateway.problem;
