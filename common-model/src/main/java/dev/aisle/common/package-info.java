/** Shared domain, feature library, evaluation metrics and dataset readers of Aisle. */
package dev.aisle.common;
