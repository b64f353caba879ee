package dev.aisle.gateway.access;

import java.util.List;

/** Which paths are open to everyone and which need an admin credential. */
final class AccessPolicy {

    // health, metrics scraping and the API documentation stay open; everything else needs a credential
    private static final List<String> PUBLIC_EXACT = List.of("/actuator/health", "/actuator/prometheus",
            "/actuator/info", "/swagger-ui.html");
    private static final List<String> PUBLIC_PREFIXES = List.of("/actuator/health/", "/v3/api-docs/",
            "/swagger-ui/", "/webjars/");

    private AccessPolicy() {
    }

    static boolean isPublic(String path) {
        return PUBLIC_EXACT.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** Internal forward targets of the circuit breakers, never reachable from outside. */
    static boolean isInternal(String path) {
        return path.equals("/fallback") || path.startsWith("/fallback/");
    }

    /** Any path with an {@code admin} segment, e.g. {@code /api/v1/recommendations/admin/train}. */
    static boolean isAdmin(String path) {
        for (String segment : path.split("/")) {
            if (segment.equalsIgnoreCase("admin")) {
                return true;
            }
        }
        return false;
    }
}
