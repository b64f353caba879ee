package dev.aisle.support.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Base of the exceptions a service throws to answer with a client error; the shared handler renders each as an
 * RFC 9457 problem with the exception's status, its message as {@code detail} and its {@link #errors()} list.
 */
public abstract class AisleException extends RuntimeException {

    private final transient List<?> errors;

    protected AisleException(String message, List<?> errors, Throwable cause) {
        super(message, cause);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The HTTP status this exception answers with. */
    public abstract HttpStatus status();

    /** Per-item or per-field errors, rendered under {@code errors}; empty when there are none. */
    public List<?> errors() {
        return errors;
    }
}
