/** The user record. */
package dev.aisle.common.user;
