package dev.aisle.support.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request carries more than the endpoint accepts (413). */
public class PayloadTooLargeException extends AisleException {

    public PayloadTooLargeException(String message) {
        super(message, List.of(), null);
    }

    public PayloadTooLargeException(String message, List<?> errors) {
        super(message, errors, null);
    }

    public PayloadTooLargeException(String message, Throwable cause) {
        super(message, List.of(), cause);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONTENT_TOO_LARGE;
    }
}
