/** The serving API: personalised, similar, popular and session recommendations with filters and fallbacks. */
package dev.aisle.recommend.recommendation;
