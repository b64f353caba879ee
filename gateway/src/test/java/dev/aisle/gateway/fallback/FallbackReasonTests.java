package dev.aisle.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class FallbackReasonTests {

    @Test
    void namesTheCauseOfAFailedCall() {
        CircuitBreaker open = CircuitBreaker.ofDefaults("x");
        open.transitionToOpenState();
        assertThat(FallbackReason.of(CallNotPermittedException.createCallNotPermittedException(open)))
                .isEqualTo("circuit-open");
        assertThat(FallbackReason.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "slow",
                new TimeoutException("took too long")))).isEqualTo("timeout");
        assertThat(FallbackReason.of(new RuntimeException(new ConnectException("refused")))).isEqualTo("unreachable");
        assertThat(FallbackReason.of(new IOException("reset"))).isEqualTo("connection-error");
        assertThat(FallbackReason.of(new IllegalStateException("?"))).isEqualTo("error");
        assertThat(FallbackReason.of(null)).isEqualTo("unknown");
    }
}
