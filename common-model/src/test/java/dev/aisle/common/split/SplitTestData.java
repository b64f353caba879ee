package dev.aisle.common.split;

import java.util.ArrayList;
import java.util.List;

import dev.aisle.common.dataset.Rating;

final class SplitTestData {

    private SplitTestData() {
    }

    /** {@code count} ratings of {@code user} on items {@code user-0 …} at timestamps {@code 100, 101 …}. */
    static List<Rating> ratings(String user, int count) {
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ratings.add(new Rating(user, user + "-" + i, 1 + i % 5, 100 + i));
        }
        return ratings;
    }

    static List<Rating> concat(List<Rating>... parts) {
        List<Rating> all = new ArrayList<>();
        for (List<Rating> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
