package dev.aisle.support.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request is invalid (400); {@code errors} lists what is wrong. */
public class BadRequestException extends AisleException {

    public BadRequestException(String message) {
        super(message, List.of(), null);
    }

    public BadRequestException(String message, List<?> errors) {
        super(message, errors, null);
    }

    public BadRequestException(String message, Throwable cause) {
        super(message, List.of(), cause);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
