/** Spring-free clustering of profile features. */
package dev.aisle.behavior.profile.model;
