package dev.aisle.support.web;

import org.slf4j.MDC;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/** Copies the current request id onto outgoing service-to-service calls made with {@code RestClient}. */
public final class RequestIdPropagation {

    private RequestIdPropagation() {}

    /** An interceptor that adds {@code X-Request-Id} from the MDC when the outgoing request has none. */
    public static ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            String id = MDC.get(RequestIdFilter.MDC_KEY);
            if (id != null && !request.getHeaders().containsHeader(RequestIdFilter.HEADER)) {
                request.getHeaders().set(RequestIdFilter.HEADER, id);
            }
            return execution.execute(request, body);
        };
    }
}
