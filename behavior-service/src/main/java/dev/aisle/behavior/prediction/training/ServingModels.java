package dev.aisle.behavior.prediction.training;

import dev.aisle.behavior.prediction.model.SessionPredictor;
import dev.aisle.behavior.prediction.model.purchase.PurchaseIntentModel;
import dev.aisle.behavior.prediction.model.purchase.PurchaseIntentModels;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The models the API answers with, swapped atomically after a training and loaded from the registry at start-up
 * so that a restart serves without retraining. Gauges {@code aisle.prediction.model.version} and
 * {@code aisle.prediction.model.validation.score} (tag {@code kind}) show what serves (NaN while nothing does).
 */
@Component
public class ServingModels {

    /** The serving next-item predictor with its version and validation MRR@k. */
    public record NextItem(SessionPredictor predictor, int version, double score) {
    }

    /** The serving purchase-intent model with its version and validation AUC. */
    public record Purchase(PurchaseIntentModel model, int version, double score) {
    }

    private static final Logger log = LoggerFactory.getLogger(ServingModels.class);

    private final ModelRegistry registry;
    private final AtomicReference<NextItem> nextItem = new AtomicReference<>();
    private final AtomicReference<Purchase> purchase = new AtomicReference<>();

    public ServingModels(ModelRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        gauge(meters, "aisle.prediction.model.version", ModelKind.NEXT_ITEM, s -> s.nextItem.get() == null
                ? Double.NaN : s.nextItem.get().version());
        gauge(meters, "aisle.prediction.model.validation.score", ModelKind.NEXT_ITEM, s -> s.nextItem.get() == null
                ? Double.NaN : s.nextItem.get().score());
        gauge(meters, "aisle.prediction.model.version", ModelKind.PURCHASE, s -> s.purchase.get() == null
                ? Double.NaN : s.purchase.get().version());
        gauge(meters, "aisle.prediction.model.validation.score", ModelKind.PURCHASE, s -> s.purchase.get() == null
                ? Double.NaN : s.purchase.get().score());
    }

    private void gauge(MeterRegistry meters, String name, ModelKind kind, ToDoubleFunction<ServingModels> value) {
        Gauge.builder(name, this, value).tag("kind", kind.column())
                .description("serving prediction model of this kind").register(meters);
    }

    /** The serving next-item model, or null before the first training. */
    public NextItem nextItem() {
        return nextItem.get();
    }

    /** The serving purchase-intent model, or null before the first training. */
    public Purchase purchase() {
        return purchase.get();
    }

    void serve(NextItem model) {
        nextItem.set(model);
    }

    void serve(Purchase model) {
        purchase.set(model);
    }

    /** Replaces what serves by the serving versions stored in the registry (kept when a kind has none). */
    @EventListener(ApplicationReadyEvent.class)
    public void loadServing() {
        registry.serving(ModelKind.NEXT_ITEM).ifPresent(stored -> {
            try {
                nextItem.set(new NextItem(SessionPredictor.load(new ByteArrayInputStream(stored.artifact())),
                        stored.version().version(), stored.version().validationScore()));
                log.info("serving next-item model {} version {}", stored.version().model(),
                        stored.version().version());
            } catch (IOException | RuntimeException e) {
                log.warn("cannot load next-item model version {}: {}", stored.version().version(), e.toString());
            }
        });
        registry.serving(ModelKind.PURCHASE).ifPresent(stored -> {
            try {
                purchase.set(new Purchase(PurchaseIntentModels.read(new DataInputStream(
                        new ByteArrayInputStream(stored.artifact()))), stored.version().version(),
                        stored.version().validationScore()));
                log.info("serving purchase model {} version {}", stored.version().model(),
                        stored.version().version());
            } catch (IOException | RuntimeException e) {
                log.warn("cannot load purchase model version {}: {}", stored.version().version(), e.toString());
            }
        });
    }
}
