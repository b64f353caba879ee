package dev.aisle.gateway.protection;

import org.springframework.util.unit.DataSize;

/** A request body (streamed without {@code Content-Length}) grew past the configured limit. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(DataSize limit) {
        super("Request body exceeds the limit of " + limit.toBytes() + " bytes");
    }
}
