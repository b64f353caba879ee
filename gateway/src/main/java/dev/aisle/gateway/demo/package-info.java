/** The demo profile's storefront key and admin user, printed at start-up. */
package dev.aisle.gateway.demo;
