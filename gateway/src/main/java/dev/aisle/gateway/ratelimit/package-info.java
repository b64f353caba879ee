/** Per-caller token-bucket rate limiting, in memory or shared through Redis. */
package dev.aisle.gateway.ratelimit;
