package dev.aisle.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsTheBurstThenRefusesWithTheWaitForOneToken() {
        AtomicLong clock = new AtomicLong(0);
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock::get);
        for (int i = 0; i < 5; i++) {
            RateLimitDecision decision = limiter.tryAcquire("k", 2.0, 5).block();
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(4 - i);
        }
        RateLimitDecision refused = limiter.tryAcquire("k", 2.0, 5).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsAtTheRateButNeverBeyondTheBurst() {
        AtomicLong clock = new AtomicLong(0);
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock::get);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("k", 2.0, 3).block();
        }
        clock.addAndGet(SECOND);
        assertThat(limiter.tryAcquire("k", 2.0, 3).block().allowed()).isTrue();
        assertThat(limiter.tryAcquire("k", 2.0, 3).block().allowed()).isTrue();
        assertThat(limiter.tryAcquire("k", 2.0, 3).block().allowed()).isFalse();
        clock.addAndGet(3600 * SECOND);
        int passed = 0;
        while (limiter.tryAcquire("k", 2.0, 3).block().allowed()) {
            passed++;
        }
        assertThat(passed).isEqualTo(3);
    }

    @Test
    void keepsOneBucketPerKey() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(() -> 0L);
        assertThat(limiter.tryAcquire("a", 1.0, 1).block().allowed()).isTrue();
        assertThat(limiter.tryAcquire("a", 1.0, 1).block().allowed()).isFalse();
        assertThat(limiter.tryAcquire("b", 1.0, 1).block().allowed()).isTrue();
    }

    @Test
    void rejectsNonPositiveRateAndBurst() {
        TokenBucket bucket = new TokenBucket(1, 0);
        assertThatIllegalArgumentException().isThrownBy(() -> bucket.tryAcquire(0, 0, 1)).withMessageContaining("rate");
        assertThatIllegalArgumentException().isThrownBy(() -> bucket.tryAcquire(0, 1, 0)).withMessageContaining("burst");
    }
}
