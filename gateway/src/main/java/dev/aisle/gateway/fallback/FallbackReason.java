package dev.aisle.gateway.fallback;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.springframework.web.client.HttpStatusCodeException;

/** Names why a call failed, for the {@code X-Aisle-Fallback} header and the fallback counter's {@code reason}. */
final class FallbackReason {

    private FallbackReason() {
    }

    /**
     * @param failure what the circuit breaker caught, null when unknown
     * @return {@code circuit-open}, {@code timeout}, {@code unreachable}, {@code upstream-<status>},
     *     {@code connection-error}, {@code error} or {@code unknown}
     */
    static String of(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return "circuit-open";
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "timeout";
            }
            if (t instanceof ConnectException) {
                return "unreachable";
            }
            if (t instanceof HttpStatusCodeException status) {
                return "upstream-" + status.getStatusCode().value();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return "connection-error";
            }
        }
        return "error";
    }
}
