package dev.aisle.common.split;

import java.util.List;

import dev.aisle.common.dataset.Rating;

/** A protocol that partitions ratings into one train and one test set. */
public interface SplitProtocol {

    /** Partitions {@code ratings}; the same input gives the same split. */
    Split split(List<Rating> ratings);
}
