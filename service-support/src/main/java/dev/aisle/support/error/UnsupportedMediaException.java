package dev.aisle.support.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request body's media type is not accepted (415). */
public class UnsupportedMediaException extends AisleException {

    public UnsupportedMediaException(String message) {
        super(message, List.of(), null);
    }

    public UnsupportedMediaException(String message, List<?> errors) {
        super(message, errors, null);
    }

    public UnsupportedMediaException(String message, Throwable cause) {
        super(message, List.of(), cause);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    }
}
