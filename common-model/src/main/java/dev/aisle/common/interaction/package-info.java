/** Weighted user–item interactions derived from behaviour events. */
package dev.aisle.common.interaction;
