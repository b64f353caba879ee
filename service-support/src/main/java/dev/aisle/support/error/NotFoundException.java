package dev.aisle.support.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An identified resource does not exist (404). */
public class NotFoundException extends AisleException {

    public NotFoundException(String message) {
        super(message, List.of(), null);
    }

    public NotFoundException(String message, List<?> errors) {
        super(message, errors, null);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, List.of(), cause);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
