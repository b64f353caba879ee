/** Feature library: text normalisation, id indexes, sparse matrices, top-K selection and vector math. */
package dev.aisle.common.feature;
