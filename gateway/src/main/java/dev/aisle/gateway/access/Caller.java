package dev.aisle.gateway.access;

/**
 * An authenticated caller.
 *
 * @param name the API key's or admin user's name
 * @param admin whether the caller may use admin paths
 * @param rateLimit sustained requests per second
 * @param burst token-bucket capacity
 */
public record Caller(String name, boolean admin, double rateLimit, int burst) {

    /** The exchange attribute holding the authenticated caller. */
    public static final String ATTRIBUTE = Caller.class.getName();

    /** The key of the caller's rate-limit bucket. */
    public String bucketKey() {
        return (admin ? "admin:" : "key:") + name;
    }
}
