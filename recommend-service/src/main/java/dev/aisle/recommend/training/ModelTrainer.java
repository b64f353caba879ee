package dev.aisle.recommend.training;

import dev.aisle.common.feature.TextNormalizer;
import dev.aisle.common.interaction.InteractionWeights;
import dev.aisle.recommend.catalog.CatalogProduct;
import dev.aisle.recommend.catalog.CatalogReader;
import dev.aisle.recommend.model.ImplicitAls;
import dev.aisle.recommend.model.Interactions;
import dev.aisle.recommend.model.ItemKnn;
import dev.aisle.recommend.model.ModelConfig;
import dev.aisle.recommend.model.Popularity;
import dev.aisle.recommend.model.Recommender;
import dev.aisle.recommend.model.TwoTower;
import dev.aisle.support.error.ConflictException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Trains a new model version from the behaviour events: weighted, time-decayed interactions; every candidate
 * algorithm and the served model's configuration are trained on the same training part and validated on the same
 * held-back slice (the latest item of a seeded sample of users with two or more items, see {@link ModelSelection});
 * the best candidate replaces the served model only if its validation NDCG@10 is not worse; accepted versions are
 * retrained on all interactions.
 */
@Component
public class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);
    private static final int K = 10;

    private final InteractionLog interactions;
    private final ModelRegistry registry;
    private final TrainingProperties properties;
    private final CatalogReader catalog;

    ModelTrainer(InteractionLog interactions, ModelRegistry registry, TrainingProperties properties,
            CatalogReader catalog) {
        this.interactions = interactions;
        this.registry = registry;
        this.properties = properties;
        this.catalog = catalog;
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
        Supplier<List<List<String>>> text = memoize(() -> itemTokens(items));
        List<ModelConfig> candidates = properties.candidates().stream().map(a -> candidateConfig(a, text)).toList();
        ModelConfig served = registry.served().map(b -> servedConfig(b.primary(), text)).orElse(null);
        Interactions train = heldUsers > 0 ? toInteractions(cells, users.length, items.length, heldItem) : all;
        ModelSelection.Outcome outcome = ModelSelection.select(train, heldItem, candidates, served, K,
                properties.seed());
        ModelConfig config = outcome.best().config();
        Double ndcg = outcome.best().ndcg();
        Double hitRate = outcome.best().scores() == null ? null : outcome.best().scores().hitRate();
        Double current = outcome.served() == null ? null : outcome.served().ndcg();
        ModelBundle bundle = null;
        if (outcome.accept()) {
            bundle = new ModelBundle(0, users, items, config.fit(all),
                    ItemKnn.fit(all, new ItemKnn.Config(properties.neighbours(), properties.shrinkage(), 2)),
                    Popularity.fit(all), trending(events, index, items.length), interactions.lastEventId());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> params = new LinkedHashMap<>(config.params());
        params.put("event_weights", properties.eventWeights());
        params.put("half_life", properties.halfLife().toString());
        params.put("validation", outcome.report());
        ModelVersion metadata = new ModelVersion(0, config.algorithm(), null, null, seconds, users.length,
                items.length, all.size(), interactions.lastEventId(), ndcg, hitRate, heldUsers, params);
        ModelVersion stored = outcome.accept() ? registry.accept(metadata, bundle) : registry.reject(metadata);
        log.info("Trained {} version {} in {} s: validation NDCG@10 {} (served model on the same slice {}), {}",
                config.algorithm(), stored.id(), String.format("%.2f", seconds), ndcg, current, stored.status());
        return stored;
    }

    private ModelConfig candidateConfig(String algorithm, Supplier<List<List<String>>> text) {
        return switch (algorithm) {
            case ItemKnn.NAME -> new ItemKnn.Config(properties.neighbours(), properties.shrinkage(), 2);
            case TwoTower.NAME -> {
                TrainingProperties.TwoTowerProperties t = properties.twoTower();
                TwoTower.Config config = new TwoTower.Config(t.factors(), t.epochs(), t.batchSize(),
                        t.learningRate(), t.regularization(), t.negatives(), t.historyItems(), false,
                        t.textFeatures() ? 16384 : 0, 16, 2, t.device(), properties.seed(), t.validationUsers(),
                        t.patience());
                yield t.textFeatures() ? config.withItemText(text.get()) : config;
            }
            default -> new ImplicitAls.Config(properties.factors(), properties.regularization(), properties.alpha(),
                    properties.iterations(), 3, true, 2, properties.seed());
        };
    }

    /** The served model's own configuration (retrained on this run's slice), null for a model that has none. */
    private static ModelConfig servedConfig(Recommender model,
            Supplier<List<List<String>>> text) {
        if (model instanceof ImplicitAls als) {
            return als.config();
        }
        if (model instanceof ItemKnn knn) {
            return knn.config();
        }
        if (model instanceof TwoTower twoTower) {
            TwoTower.Config config = twoTower.config();
            return config.tokenBuckets() > 0 ? config.withItemText(text.get()) : config;
        }
        return null;
    }

    /** Normalised title, brand and category tokens of each item (empty for items not in the catalogue). */
    private List<List<String>> itemTokens(String[] items) {
        Map<String, CatalogProduct> products = catalog.products();
        List<List<String>> tokens = new java.util.ArrayList<>(items.length);
        for (String id : items) {
            CatalogProduct p = products.get(id);
            tokens.add(p == null ? List.of() : TextNormalizer.tokenize(String.join(" ", p.title(),
                    p.brand() == null ? "" : p.brand(), String.join(" ", p.categoryPath()))));
        }
        return tokens;
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        Object[] value = new Object[1];
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) value[0];
            return t;
        };
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
