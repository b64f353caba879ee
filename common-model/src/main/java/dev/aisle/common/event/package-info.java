/** Behaviour events sent by storefronts, with their per-type rules. */
package dev.aisle.common.event;
