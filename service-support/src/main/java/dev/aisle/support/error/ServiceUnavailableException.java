package dev.aisle.support.error;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The service cannot answer yet, e.g. a model is not trained (503); carries a {@code Retry-After} hint. */
public class ServiceUnavailableException extends AisleException {

    private final Duration retryAfter;

    public ServiceUnavailableException(String message) {
        this(message, Duration.ofSeconds(30));
    }

    public ServiceUnavailableException(String message, Duration retryAfter) {
        super(message, List.of(), null);
        this.retryAfter = retryAfter;
    }

    /** How long the client should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }
}
