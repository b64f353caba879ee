/** What the gateway answers when a downstream service fails: cached popular items or a prompt 503. */
package dev.aisle.gateway.fallback;
