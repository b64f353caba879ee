/** Per-user profiles (RFM, favourites, lifetime value) and K-Means segments of them. */
package dev.aisle.behavior.profile;
