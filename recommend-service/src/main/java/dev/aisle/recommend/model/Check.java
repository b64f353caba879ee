package dev.aisle.recommend.model;

/** Argument checks that name the allowed range, Lucene style. */
final class Check {

    private Check() {
    }

    static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("illegal " + name + " " + value + ", must be > 0");
        }
    }

    static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("illegal " + name + " " + value + ", must be a finite value >= 0");
        }
    }

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("illegal " + name + " " + value + ", must be a finite value > 0");
        }
    }
}
