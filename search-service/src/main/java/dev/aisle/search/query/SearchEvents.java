package dev.aisle.search.query;

/** Where each search is reported (as a behaviour event, so analytics can show top and zero-result queries). */
@FunctionalInterface
public interface SearchEvents {

    /** Reports a search without delaying it. */
    void report(String query, long resultCount, String userId, String sessionId);

    /** Reports nothing (offline benchmarks). */
    static SearchEvents none() {
        return (query, resultCount, userId, sessionId) -> { };
    }
}
