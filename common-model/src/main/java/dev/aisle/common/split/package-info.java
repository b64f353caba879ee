/** Train/test splitting protocols: per-user stratified random, leave-last-out and k-fold. */
package dev.aisle.common.split;
