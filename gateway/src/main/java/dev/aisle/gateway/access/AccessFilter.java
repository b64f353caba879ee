package dev.aisle.gateway.access;

import dev.aisle.gateway.problem.ProblemWriter;
import dev.aisle.gateway.ratelimit.RateLimitDecision;
import dev.aisle.gateway.ratelimit.RequestRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets a request through only with a valid credential (401 otherwise), an admin credential on admin paths (403 for
 * a storefront key) and a token left in the caller's rate-limit bucket (429 with {@code Retry-After} otherwise).
 */
@Component
class AccessFilter implements WebFilter, Ordered {

    /** Response header with the whole tokens left in the caller's bucket. */
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    /** Request header telling downstream services who called (set by the gateway only). */
    static final String CALLER_HEADER = "X-Aisle-Caller";

    /** Request header telling downstream services the caller's role, {@code admin} or {@code storefront}. */
    static final String ROLE_HEADER = "X-Aisle-Caller-Role";

    /** Runs after CORS (so preflights need no credential) and before the body-size check. */
    static final int ORDER = -200;

    private final CredentialStore credentials;
    private final RequestRateLimiter rateLimiter;
    private final ProblemWriter problems;

    AccessFilter(CredentialStore credentials, RequestRateLimiter rateLimiter, ProblemWriter problems) {
        this.credentials = credentials;
        this.rateLimiter = rateLimiter;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (AccessPolicy.isPublic(path)) {
            return chain.filter(exchange);
        }
        if (AccessPolicy.isInternal(path)) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "No such path");
        }
        boolean adminPath = AccessPolicy.isAdmin(path);
        return credentials.authenticate(exchange.getRequest().getHeaders()).flatMap(auth -> switch (auth.outcome()) {
            case ABSENT -> unauthorized(exchange, adminPath, null, "Send an API key in X-API-Key"
                    + (adminPath ? "; admin paths need HTTP Basic with an admin user" : " or HTTP Basic credentials"));
            case REJECTED -> unauthorized(exchange, adminPath, auth.scheme(), "ApiKey".equals(auth.scheme())
                    ? "Unknown API key" : "Wrong user name or password");
            case ACCEPTED -> accepted(exchange, chain, auth.caller(), adminPath);
        });
    }

    private Mono<Void> accepted(ServerWebExchange exchange, WebFilterChain chain, Caller caller, boolean adminPath) {
        exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
        if (adminPath && !caller.admin()) {
            return problems.write(exchange, HttpStatus.FORBIDDEN,
                    "This path needs an admin credential; API key '" + caller.name() + "' is not one");
        }
        return rateLimiter.tryAcquire(caller.bucketKey(), caller.rateLimit(), caller.burst())
                .flatMap(decision -> decision.allowed() ? pass(exchange, chain, caller, decision)
                        : problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                                "Rate limit of " + caller.rateLimit() + " requests/s (burst " + caller.burst()
                                        + ") exceeded for '" + caller.name() + "'",
                                headers -> {
                                    headers.set(HttpHeaders.RETRY_AFTER,
                                            Long.toString(decision.retryAfterSeconds()));
                                    headers.set(REMAINING_HEADER, "0");
                                }));
    }

    private static Mono<Void> pass(ServerWebExchange exchange, WebFilterChain chain, Caller caller,
            RateLimitDecision decision) {
        exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(decision.remaining()));
        // credentials stop at the gateway; services learn who called from headers only the gateway sets
        ServerWebExchange identified = exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(CredentialStore.API_KEY_HEADER);
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.set(CALLER_HEADER, caller.name());
            headers.set(ROLE_HEADER, caller.admin() ? "admin" : "storefront");
        })).build();
        return chain.filter(identified);
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, boolean adminPath, String triedScheme,
            String detail) {
        // challenge only with what fits, so browsers do not pop up a login dialog for a bad storefront key
        String challenge;
        if (adminPath || "Basic".equals(triedScheme)) {
            challenge = "Basic realm=\"aisle-admin\", charset=\"UTF-8\"";
        }
        else if ("ApiKey".equals(triedScheme)) {
            challenge = "ApiKey realm=\"aisle\", header=\"" + CredentialStore.API_KEY_HEADER + "\"";
        }
        else {
            challenge = "ApiKey realm=\"aisle\", header=\"" + CredentialStore.API_KEY_HEADER
                    + "\", Basic realm=\"aisle-admin\", charset=\"UTF-8\"";
        }
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail,
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }
}
