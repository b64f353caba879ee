package dev.aisle.support.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request conflicts with the current state (409). */
public class ConflictException extends AisleException {

    public ConflictException(String message) {
        super(message, List.of(), null);
    }

    public ConflictException(String message, List<?> errors) {
        super(message, errors, null);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, List.of(), cause);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
