/** Who may call what: storefront API keys, admin users (HTTP Basic, bcrypt), admin paths and CORS. */
package dev.aisle.gateway.access;
