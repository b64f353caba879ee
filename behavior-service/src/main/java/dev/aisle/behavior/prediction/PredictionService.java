package dev.aisle.behavior.prediction;

import dev.aisle.behavior.prediction.model.NextItemPrediction;
import dev.aisle.behavior.prediction.session.EventRow;
import dev.aisle.behavior.prediction.session.SessionEventRepository;
import dev.aisle.behavior.prediction.session.SessionEvents;
import dev.aisle.behavior.prediction.training.PredictionProperties;
import dev.aisle.behavior.prediction.training.ServingModels;
import dev.aisle.common.event.EventType;
import dev.aisle.support.error.BadRequestException;
import dev.aisle.support.error.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Answers prediction questions with the serving models, or with the popularity fallbacks. */
@Service
class PredictionService {

    static final String POPULARITY_FALLBACK = "popularity-fallback";
    static final String BASE_RATE_FALLBACK = "base-rate-fallback";

    private final ServingModels serving;
    private final SessionEventRepository events;
    private final PredictionProperties properties;

    PredictionService(ServingModels serving, SessionEventRepository events, PredictionProperties properties) {
        this.serving = serving;
        this.events = events;
        this.properties = properties;
    }

    NextItemsResponse nextItems(NextItemsRequest request) {
        requireOne(request.itemIds() != null, request.sessionId() != null, "itemIds");
        List<String> items = request.sessionId() != null
                ? SessionEvents.items(sessionEvents(request.sessionId())) : request.itemIds();
        ServingModels.NextItem model = serving.nextItem();
        if (model == null || items.stream().noneMatch(model.predictor()::knows)) {
            return new NextItemsResponse(POPULARITY_FALLBACK, null,
                    events.popular(properties.fallbackWindow(), request.size()), items.stream().distinct().toList());
        }
        NextItemPrediction prediction = model.predictor().predictNext(items, request.size());
        return new NextItemsResponse(prediction.model(), model.version(), prediction.items(),
                prediction.unknownItems().stream().distinct().toList());
    }

    PurchaseProbabilityResponse purchaseProbability(PurchaseProbabilityRequest request) {
        requireOne(request.events() != null, request.sessionId() != null, "events");
        List<EventRow> rows = request.sessionId() != null ? sessionEvents(request.sessionId())
                : inline(request.events());
        ServingModels.Purchase model = serving.purchase();
        if (model == null) {
            return new PurchaseProbabilityResponse(events.purchaseRate(properties.trainingWindow()),
                    BASE_RATE_FALLBACK, null);
        }
        double p = model.model().probability(SessionEvents.features(rows));
        return new PurchaseProbabilityResponse(Double.isNaN(p) ? 0 : Math.min(1, Math.max(0, p)),
                model.model().name(), model.version());
    }

    private List<EventRow> sessionEvents(String sessionId) {
        List<EventRow> rows = events.sessionEvents(sessionId);
        if (rows.isEmpty()) {
            throw new NotFoundException("unknown session: " + sessionId);
        }
        return rows;
    }

    /** Inline events in time order when they all carry a timestamp, else in the order given. */
    private static List<EventRow> inline(List<PurchaseProbabilityRequest.Event> given) {
        List<EventRow> rows = new ArrayList<>(given.size());
        List<Map<String, String>> unknownTypes = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            PurchaseProbabilityRequest.Event e = given.get(i);
            try {
                EventType.fromWire(e.type());
            } catch (IllegalArgumentException unknown) {
                unknownTypes.add(Map.of("field", "events[" + i + "].type",
                        "message", "must be one of " + EventType.allowedValues()));
            }
            rows.add(new EventRow(e.type(), e.productId(), e.value(), e.timestamp()));
        }
        if (!unknownTypes.isEmpty()) {
            throw new BadRequestException("unknown event type in events", unknownTypes);
        }
        if (rows.stream().allMatch(r -> r.occurredAt() != null)) {
            rows.sort(Comparator.comparing(EventRow::occurredAt));
        }
        return rows;
    }

    private static void requireOne(boolean inline, boolean session, String inlineName) {
        if (inline == session) {
            throw new BadRequestException("give either " + inlineName + " or sessionId, not both or neither",
                    List.of(Map.of("field", inlineName + "|sessionId", "message", "exactly one must be given")));
        }
    }
}
