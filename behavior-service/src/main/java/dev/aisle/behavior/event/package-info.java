/** Event ingestion and read-back: the system of record for behaviour events. */
package dev.aisle.behavior.event;
