/** Request ids: created or forwarded, sent downstream, echoed and logged. */
package dev.aisle.gateway.request;
