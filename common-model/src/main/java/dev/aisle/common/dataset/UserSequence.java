package dev.aisle.common.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The items of one user in interaction order (sequential recommendation data).
 *
 * @param user  user id
 * @param items item ids, oldest first
 */
public record UserSequence(String user, List<String> items) {

    public UserSequence {
        items = items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }
}
