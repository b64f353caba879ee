/** The analysts' KPIs, funnels, retention cohorts and top lists over {@code behavior.events}. */
package dev.aisle.behavior.analytics;
