package dev.aisle.gateway.request;

import dev.aisle.gateway.access.Caller;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes the client's {@code X-Request-Id} (or creates one), forwards it to the downstream service, echoes it in the
 * response and writes one access-log line per request (method, path, status, time, caller) with the id in the MDC
 * under {@code requestId}, the key the services' {@code service-support} uses too.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    /** The header that carries the request id between clients, gateway and services. */
    public static final String HEADER = "X-Request-Id";

    /** The exchange attribute (and MDC key) that holds the request id. */
    public static final String ATTRIBUTE = "requestId";

    /** The exchange attribute that holds the path the client asked for (fallbacks run under another path). */
    public static final String ORIGINAL_PATH_ATTRIBUTE = RequestIdFilter.class.getName() + ".originalPath";

    private static final Logger accessLog = LoggerFactory.getLogger("dev.aisle.gateway.access");

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = validOrNew(exchange.getRequest().getHeaders().getFirst(HEADER));
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(ATTRIBUTE, id);
        withId.getAttributes().put(ORIGINAL_PATH_ATTRIBUTE, request.getPath().value());
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        long start = System.nanoTime();
        return chain.filter(withId).doFinally(signal -> logAccess(withId, id, start));
    }

    static String validOrNew(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    private static void logAccess(ServerWebExchange exchange, String id, long startNanos) {
        if (!accessLog.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        MDC.put(ATTRIBUTE, id);
        try {
            Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
            accessLog.info("{} {} -> {} in {} ms (caller {})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), status == null ? "-" : status.value(),
                    (System.nanoTime() - startNanos) / 1_000_000, caller == null ? "-" : caller.name());
        } finally {
            MDC.remove(ATTRIBUTE);
        }
    }
}
