/** Side-by-side benchmark of Spark MLlib ALS and Aisle's implicit ALS. */
package dev.aisle.bench.spark;
