package dev.aisle.common.dataset;

/**
 * One user–item rating or implicit interaction as read from a dataset; the unit of the splitting protocols.
 *
 * @param user      user id
 * @param item      item id
 * @param rating    the rating, or 1 for implicit feedback
 * @param timestamp seconds since the epoch, or a synthetic increasing position when the source has none
 */
public record Rating(String user, String item, float rating, long timestamp) {
}
