package dev.aisle.gateway.protection;

import dev.aisle.gateway.problem.ProblemWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers 413 for a body larger than {@code aisle.gateway.protection.max-body-size}: at once when the declared
 * {@code Content-Length} is too large, and while streaming for chunked bodies.
 */
@Component
class BodySizeFilter implements WebFilter, Ordered {

    private final ProtectionProperties properties;
    private final ProblemWriter problems;

    BodySizeFilter(ProtectionProperties properties, ProblemWriter problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return -100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = properties.maxBodySize().toBytes();
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    "Request body of " + declared + " bytes exceeds the limit of " + limit + " bytes");
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new CountingRequest(exchange.getRequest(), limit, properties);
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long limit;
        private final ProtectionProperties properties;

        CountingRequest(ServerHttpRequest delegate, long limit, ProtectionProperties properties) {
            super(delegate);
            this.limit = limit;
            this.properties = properties;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new BodyTooLargeException(properties.maxBodySize()));
                }
                else {
                    sink.next(buffer);
                }
            });
        }
    }
}
