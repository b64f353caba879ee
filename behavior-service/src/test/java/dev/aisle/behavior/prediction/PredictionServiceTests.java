package dev.aisle.behavior.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.aisle.behavior.prediction.session.SessionEventRepository;
import dev.aisle.behavior.prediction.training.PredictionProperties;
import dev.aisle.behavior.prediction.training.ServingModels;
import dev.aisle.support.error.BadRequestException;
import dev.aisle.support.error.NotFoundException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionServiceTests {

    private final ServingModels serving = mock(ServingModels.class);
    private final SessionEventRepository events = mock(SessionEventRepository.class);
    private final PredictionService service = new PredictionService(serving, events,
            new PredictionProperties(null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, null, null, 0, null, null, null, null,
                null));

    @Test
    void answersWithAnEmptyFallbackWhenNothingIsTrainedAndNoEventsExist() {
        given(events.popular(any(Duration.class), anyInt())).willReturn(List.of());

        NextItemsResponse answer = service.nextItems(new NextItemsRequest(List.of("p1", "p2"), null, 5));

        assertThat(answer.model()).isEqualTo(PredictionService.POPULARITY_FALLBACK);
        assertThat(answer.modelVersion()).isNull();
        assertThat(answer.items()).isEmpty();
        assertThat(answer.unknownItems()).containsExactly("p1", "p2");
    }

    @Test
    void answersThePurchaseBaseRateWhenNothingIsTrained() {
        given(events.purchaseRate(any(Duration.class))).willReturn(0.0);

        PurchaseProbabilityResponse answer = service.purchaseProbability(new PurchaseProbabilityRequest(null,
                List.of()));

        assertThat(answer.model()).isEqualTo(PredictionService.BASE_RATE_FALLBACK);
        assertThat(answer.probability()).isZero();
    }

    @Test
    void refusesAnUnknownSession() {
        given(events.sessionEvents("s-x")).willReturn(List.of());

        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> service.nextItems(new NextItemsRequest(null, "s-x", 5)));
    }

    @Test
    void refusesItemsTogetherWithASessionId() {
        assertThatExceptionOfType(BadRequestException.class)
                .isThrownBy(() -> service.nextItems(new NextItemsRequest(List.of("p1"), "s-1", 5)));
    }
}
