package dev.aisle.common.split;

import java.util.List;

import dev.aisle.common.dataset.Rating;

/**
 * A train/test partition of ratings; each list keeps the input order.
 *
 * @param train ratings to fit on
 * @param test  held-out ratings
 */
public record Split(List<Rating> train, List<Rating> test) {

    public Split {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
