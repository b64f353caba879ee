/** One API document: each service's OpenAPI document, proxied and pointed at the gateway. */
package dev.aisle.gateway.docs;
