/** The Aisle gateway: routes in application.yml, access control, protection, fallbacks and one API document. */
package dev.aisle.gateway;
