package dev.aisle.behavior.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.aisle.behavior.prediction.session.SessionEventRepository;
import dev.aisle.behavior.prediction.session.SessionHistory;
import dev.aisle.support.error.ConflictException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PredictionTrainerTests {

    private final SessionEventRepository events = mock(SessionEventRepository.class);
    private final PredictionTrainer trainer = new PredictionTrainer(events, mock(ModelRegistry.class),
            mock(ServingModels.class),
            new PredictionProperties(null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, null, null, 0, null, null, null, null,
                null));

    @Test
    void refusesASecondTrainingWhileOneIsRunning() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        given(events.recentSessions(any(Duration.class), anyInt())).willAnswer(invocation -> {
            reading.countDown();
            release.await(10, TimeUnit.SECONDS);
            return List.<SessionHistory>of();
        });
        CompletableFuture<TrainingOutcome> first = CompletableFuture.supplyAsync(trainer::train);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatExceptionOfType(ConflictException.class).isThrownBy(trainer::train);

        release.countDown();
        TrainingOutcome outcome = first.get(10, TimeUnit.SECONDS);
        assertThat(outcome.nextItem().trained()).isFalse();
        assertThat(outcome.nextItem().reason()).contains("too few sessions");
        assertThat(trainer.train().sessions()).isZero();
    }
}
