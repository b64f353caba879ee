package dev.aisle.recommend.training;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start-up: serve the last accepted model version and read the events seen so far. */
@Component
class ModelStartup {

    private final ModelRegistry registry;
    private final InteractionLog interactions;

    ModelStartup(ModelRegistry registry, InteractionLog interactions) {
        this.registry = registry;
        this.interactions = interactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        registry.loadLatest();
        interactions.poll();
    }
}
