/** Limits on what a request may cost the suite: body size. */
package dev.aisle.gateway.protection;
