package dev.aisle.common.split;

import java.util.ArrayList;
import java.util.List;

import dev.aisle.common.dataset.Rating;

/** Shared partitioning step of the protocols. */
final class Splits {

    private Splits() {
    }

    static Split partition(List<Rating> ratings, boolean[] inTest) {
        List<Rating> train = new ArrayList<>();
        List<Rating> test = new ArrayList<>();
        for (int i = 0; i < ratings.size(); i++) {
            (inTest[i] ? test : train).add(ratings.get(i));
        }
        return new Split(train, test);
    }
}
