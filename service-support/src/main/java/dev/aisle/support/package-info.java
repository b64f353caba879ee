/** Spring Boot infrastructure shared by the Aisle services. */
package dev.aisle.support;
