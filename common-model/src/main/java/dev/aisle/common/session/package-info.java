/** Browsing sessions: ordered events of one visitor. */
package dev.aisle.common.session;
