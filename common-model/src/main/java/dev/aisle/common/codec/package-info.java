/** Binary encodings shared by the models that save their state. */
package dev.aisle.common.codec;
