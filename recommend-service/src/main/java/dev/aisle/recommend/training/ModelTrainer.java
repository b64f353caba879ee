package dev.aisle.recommend.training;

import dev.aisle.common.interaction.InteractionWeights;
import dev.aisle.recommend.evaluation.HeldOutRanking;
import dev.aisle.recommend.model.ImplicitAls;
import dev.aisle.recommend.model.Interactions;
import dev.aisle.recommend.model.ItemKnn;
import dev.aisle.recommend.model.ModelConfig;
import dev.aisle.recommend.model.Popularity;
import dev.aisle.recommend.model.Recommender;
import dev.aisle.support.error.ConflictException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Trains a new model version from the behaviour events: weighted, time-decayed interactions; the primary algorithm
 * is validated on a held-back slice (the latest item of a seeded sample of users with two or more items) and the
 * version replaces the served one only if its validation NDCG@10 is not worse; accepted versions are retrained on
 * all interactions.
 */
@Component
public class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);
    private static final int K = 10;

    private final InteractionLog interactions;
    private final ModelRegistry registry;
    private final TrainingProperties properties;

    ModelTrainer(InteractionLog interactions, ModelRegistry registry, TrainingProperties properties) {
        this.interactions = interactions;
        this.registry = registry;
        this.properties = properties;
    }

    /** Scheduled retraining; failures are logged and the served model is kept. */
    @Scheduled(fixedDelayString = "${aisle.recommend.training.interval:PT1H}",
            initialDelayString = "${aisle.recommend.training.initial-delay:PT30S}")
    void scheduled() {
        try {
            interactions.poll();
            if (!interactions.snapshot().isEmpty()
                    && registry.servedVersion().map(v -> v.lastEventId() < interactions.lastEventId()).orElse(true)) {
                train();
            }
        } catch (RuntimeException e) {
            log.warn("Scheduled training failed, keeping the served model: {}", e.getMessage());
        }
    }

    /**
     * Trains, validates and (if not worse) swaps in a new version.
     *
     * @throws ConflictException when there are no interactions to train on
     */
    public synchronized ModelVersion train() {
        interactions.poll();
        List<EventRow> events = interactions.snapshot();
        if (events.isEmpty()) {
            throw new ConflictException("no interactions to train on yet");
        }
        long started = System.nanoTime();
        String[] users = events.stream().map(EventRow::userId).collect(java.util.stream.Collectors.toCollection(
                TreeSet::new)).toArray(String[]::new);
        String[] items = events.stream().map(EventRow::productId).collect(java.util.stream.Collectors.toCollection(
                TreeSet::new)).toArray(String[]::new);
        ModelBundle index = new ModelBundle(0, users, items, null, null, null, null, 0);
        Instant newest = events.stream().map(EventRow::occurredAt).max(Instant::compareTo).orElseThrow();
        Map<Long, Double> cells = new TreeMap<>();
        Map<Integer, long[]> latest = new TreeMap<>();
        InteractionWeights weights = properties.interactionWeights();
        for (EventRow e : events) {
            int u = index.userIndex(e.userId());
            int i = index.itemIndex(e.productId());
            cells.merge((long) u * items.length + i,
                    interactions.weightOf(e) * (double) weights.decay(e.occurredAt(), newest), Double::sum);
            long[] last = latest.get(u);
            if (last == null || e.occurredAt().getEpochSecond() >= last[1]) {
                latest.put(u, new long[] {i, e.occurredAt().getEpochSecond()});
            }
        }
        Interactions all = toInteractions(cells, users.length, items.length, null);
        // ceil(ratio × eligible) users, drawn with a seeded shuffle, hold back their latest item
        List<Integer> eligible = new java.util.ArrayList<>();
        for (int u = 0; u < users.length; u++) {
            if (all.userDegree(u) >= 2) {
                eligible.add(u);
            }
        }
        java.util.Collections.shuffle(eligible, new Random(properties.seed()));
        int heldUsers = (int) Math.ceil(eligible.size() * properties.validationRatio());
        int[] heldItem = new int[users.length];
        java.util.Arrays.fill(heldItem, -1);
        for (int u : eligible.subList(0, heldUsers)) {
            heldItem[u] = (int) latest.get(u)[0];
        }
        ModelConfig config = primaryConfig();
        Double ndcg = null;
        Double hitRate = null;
        if (heldUsers > 0) {
            Interactions train = toInteractions(cells, users.length, items.length, heldItem);
            HeldOutRanking.Scores scores = HeldOutRanking.evaluate(config.fit(train), train, heldItem, K,
                    properties.seed());
            ndcg = scores.ndcg();
            hitRate = scores.hitRate();
        }
        Double current = registry.servedVersion().map(ModelVersion::validationNdcg).orElse(null);
        boolean accept = current == null || ndcg == null || ndcg >= current;
        ModelBundle bundle = null;
        if (accept) {
            bundle = new ModelBundle(0, users, items, config.fit(all),
                    ItemKnn.fit(all, new ItemKnn.Config(properties.neighbours(), properties.shrinkage(), 2)),
                    Popularity.fit(all), trending(events, index, items.length), interactions.lastEventId());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> params = new LinkedHashMap<>(config.params());
        params.put("event_weights", properties.eventWeights());
        params.put("half_life", properties.halfLife().toString());
        ModelVersion metadata = new ModelVersion(0, config.algorithm(), null, null, seconds, users.length,
                items.length, all.size(), interactions.lastEventId(), ndcg, hitRate, heldUsers, params);
        ModelVersion stored = accept ? registry.accept(metadata, bundle) : registry.reject(metadata);
        log.info("Trained {} version {} in {} s: validation NDCG@10 {} (served {}), {}", config.algorithm(),
                stored.id(), String.format("%.2f", seconds), ndcg, current, stored.status());
        return stored;
    }

    private ModelConfig primaryConfig() {
        if ("item-knn".equals(properties.algorithm())) {
            return new ItemKnn.Config(properties.neighbours(), properties.shrinkage(), 2);
        }
        return new ImplicitAls.Config(properties.factors(), properties.regularization(), properties.alpha(),
                properties.iterations(), 3, true, 2, properties.seed());
    }

    private Popularity trending(List<EventRow> events, ModelBundle index, int items) {
        int[] item = new int[events.size()];
        float[] weight = new float[events.size()];
        long[] time = new long[events.size()];
        for (int n = 0; n < events.size(); n++) {
            item[n] = index.itemIndex(events.get(n).productId());
            weight[n] = (float) interactions.weightOf(events.get(n));
            time[n] = events.get(n).occurredAt().getEpochSecond();
        }
        return Popularity.trending(items, item, weight, time, Instant.now().getEpochSecond(),
                properties.trendingHalfLife().toSeconds());
    }

    /** The cells as a matrix, leaving out {@code (u, heldItem[u])} when {@code heldItem} is given. */
    private static Interactions toInteractions(Map<Long, Double> cells, int users, int items, int[] heldItem) {
        int[] us = new int[cells.size()];
        int[] is = new int[cells.size()];
        float[] vs = new float[cells.size()];
        int n = 0;
        for (var e : cells.entrySet()) {
            int u = (int) (e.getKey() / items);
            int i = (int) (e.getKey() % items);
            if (heldItem != null && heldItem[u] == i) {
                continue;
            }
            us[n] = u;
            is[n] = i;
            vs[n++] = e.getValue().floatValue();
        }
        return Interactions.of(users, items, java.util.Arrays.copyOf(us, n), java.util.Arrays.copyOf(is, n),
                java.util.Arrays.copyOf(vs, n));
    }
}
