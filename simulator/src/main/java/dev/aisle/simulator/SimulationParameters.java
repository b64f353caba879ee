package dev.aisle.simulator;

import java.time.Instant;

/**
 * What the shop simulator generates.
 *
 * @param products number of products in the catalogue (default 5,000)
 * @param users number of shoppers (default 2,000)
 * @param days length of the simulated period in days (default 60; ≈ 100 events per shopper over 60 days)
 * @param seed seed of every random choice; the same parameters give the same output (default 42)
 * @param start first instant of the simulated period (default 2026-01-01T00:00:00Z)
 */
public record SimulationParameters(int products, int users, int days, long seed, Instant start) {

    /** Default number of products. */
    public static final int DEFAULT_PRODUCTS = 5_000;

    /** Default number of shoppers. */
    public static final int DEFAULT_USERS = 2_000;

    /** Default length of the period in days. */
    public static final int DEFAULT_DAYS = 60;

    /** Default seed. */
    public static final long DEFAULT_SEED = 42;

    /** Default start of the period. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    public SimulationParameters {
        if (products < 10) {
            throw new IllegalArgumentException("illegal products value: " + products + ", must be at least 10");
        }
        if (users < 1) {
            throw new IllegalArgumentException("illegal users value: " + users + ", must be at least 1");
        }
        if (days < 1) {
            throw new IllegalArgumentException("illegal days value: " + days + ", must be at least 1");
        }
        if (start == null) {
            throw new IllegalArgumentException("start must not be null");
        }
    }

    /** The defaults: 5,000 products, 2,000 shoppers, 60 days, seed 42, from 2026-01-01. */
    public static SimulationParameters defaults() {
        return new SimulationParameters(DEFAULT_PRODUCTS, DEFAULT_USERS, DEFAULT_DAYS, DEFAULT_SEED, DEFAULT_START);
    }

    /** A copy with another number of products. */
    public SimulationParameters withProducts(int value) {
        return new SimulationParameters(value, users, days, seed, start);
    }

    /** A copy with another number of shoppers. */
    public SimulationParameters withUsers(int value) {
        return new SimulationParameters(products, value, days, seed, start);
    }

    /** A copy with another number of days. */
    public SimulationParameters withDays(int value) {
        return new SimulationParameters(products, users, value, seed, start);
    }

    /** A copy with another seed. */
    public SimulationParameters withSeed(long value) {
        return new SimulationParameters(products, users, days, value, start);
    }

    /** A copy with another start instant. */
    public SimulationParameters withStart(Instant value) {
        return new SimulationParameters(products, users, days, seed, value);
    }
}
