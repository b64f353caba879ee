package dev.aisle.gateway.problem;

import dev.aisle.gateway.protection.BodyTooLargeException;
import dev.aisle.gateway.request.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Renders every error that escapes the filter chain as problem+json, ahead of Boot's default handler, so no client
 * ever sees an HTML or plain-JSON error page from the gateway.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemWriter problems;

    ProblemErrorHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof BodyTooLargeException tooLarge) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
        }
        if (ex instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status != null) {
                if (status.is5xxServerError()) {
                    log.warn("request {} failed with {}: {}", exchange.getAttribute(RequestIdFilter.ATTRIBUTE),
                            status.value(), ex.toString());
                }
                String detail = rse.getReason() != null ? rse.getReason() : status.getReasonPhrase();
                return problems.write(exchange, status, detail);
            }
        }
        log.error("request {} failed unexpectedly", exchange.getAttribute(RequestIdFilter.ATTRIBUTE), ex);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected gateway error");
    }
}
