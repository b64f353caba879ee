package dev.aisle.common.dataset;

/**
 * A next-item prediction example: the items clicked so far in a session and the one clicked next.
 *
 * @param prefix the session prefix, oldest first (not copied: do not modify)
 * @param target the next item
 */
public record SessionTestCase(int[] prefix, int target) {
}
