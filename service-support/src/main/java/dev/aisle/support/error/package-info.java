/** Exceptions that services throw to answer with a client error, rendered as RFC 9457 problems. */
package dev.aisle.support.error;
