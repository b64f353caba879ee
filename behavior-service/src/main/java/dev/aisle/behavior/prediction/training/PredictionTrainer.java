package dev.aisle.behavior.prediction.training;

import dev.aisle.behavior.prediction.model.SessionPredictor;
import dev.aisle.behavior.prediction.model.purchase.PurchaseIntentModel;
import dev.aisle.behavior.prediction.model.purchase.PurchaseIntentModels;
import dev.aisle.behavior.prediction.model.purchase.SessionEventFeatures;
import dev.aisle.behavior.prediction.session.SessionEventRepository;
import dev.aisle.behavior.prediction.session.SessionHistory;
import dev.aisle.behavior.prediction.training.TrainingOutcome.Candidate;
import dev.aisle.behavior.prediction.training.TrainingOutcome.KindOutcome;
import dev.aisle.common.metric.Auc;
import dev.aisle.support.error.ConflictException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Trains the session models from {@code behavior.events}: the latest sessions by start time are held out, every
 * configured candidate is fitted on the earlier ones and validated on the held-out ones (next item: MRR@k, then
 * HR@k; purchase: ROC AUC), the best is refitted on all sessions, stored as a new version and served when the
 * {@link SwapRule} allows. One training at a time; on demand and on a schedule.
 */
@Service
public class PredictionTrainer {

    private static final Logger log = LoggerFactory.getLogger(PredictionTrainer.class);

    private final SessionEventRepository events;
    private final ModelRegistry registry;
    private final ServingModels serving;
    private final PredictionProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();

    public PredictionTrainer(SessionEventRepository events, ModelRegistry registry, ServingModels serving,
            PredictionProperties properties) {
        this.events = events;
        this.registry = registry;
        this.serving = serving;
        this.properties = properties;
    }

    /** Trains both kinds now; a {@link ConflictException} when a training is already running. */
    public TrainingOutcome train() {
        if (!running.compareAndSet(false, true)) {
            throw new ConflictException("a training is already running");
        }
        try {
            Instant startedAt = Instant.now();
            long start = System.nanoTime();
            List<SessionHistory> sessions = events.recentSessions(properties.trainingWindow(),
                    properties.maxSessions());
            KindOutcome nextItem = trainNextItem(sessions);
            KindOutcome purchase = trainPurchase(sessions);
            TrainingOutcome outcome = new TrainingOutcome(startedAt, seconds(start), sessions.size(), nextItem,
                    purchase);
            log.info("prediction training: {} sessions in {} s; next item {} v{} swapped={}; purchase {} v{} "
                            + "swapped={}", sessions.size(), Math.round(outcome.seconds()), nextItem.model(),
                    nextItem.version(), nextItem.swapped(), purchase.model(), purchase.version(), purchase.swapped());
            return outcome;
        } finally {
            running.set(false);
        }
    }

    @Scheduled(initialDelayString = "${aisle.prediction.training-initial-delay:PT10M}",
            fixedDelayString = "${aisle.prediction.training-interval:PT6H}")
    void scheduledTraining() {
        if (!properties.scheduled() || running.get()) {
            return;
        }
        try {
            train();
        } catch (ConflictException e) {
            log.debug("scheduled prediction training skipped: one is running");
        } catch (RuntimeException e) {
            log.warn("scheduled prediction training failed", e);
        }
    }

    private KindOutcome trainNextItem(List<SessionHistory> sessions) {
        List<List<String>> all = sessions.stream().map(SessionHistory::items).filter(s -> !s.isEmpty()).toList();
        int held = (int) Math.round(all.size() * properties.validationShare());
        if (held < 1 || held >= all.size()) {
            return KindOutcome.skipped("too few sessions with items: " + all.size(), List.of());
        }
        List<List<String>> train = all.subList(0, all.size() - held);
        List<NextItemValidation.Case> cases = NextItemValidation.cases(all.subList(train.size(), all.size()),
                properties.maxValidationCases());
        if (cases.isEmpty()) {
            return KindOutcome.skipped("no held-out session has two items", List.of());
        }
        int k = properties.k();
        List<Candidate> candidates = new ArrayList<>();
        String best = null;
        NextItemValidation.Result bestResult = null;
        for (String name : properties.nextItemModels()) {
            long start = System.nanoTime();
            try {
                SessionPredictor predictor = SessionPredictor.fit(train, Candidates.nextItem(name, properties));
                double fitted = seconds(start);
                NextItemValidation.Result r = NextItemValidation.evaluate(predictor, cases, k);
                candidates.add(new Candidate(name, nextItemMetrics(r, k, train.size()), fitted, null));
                if (bestResult == null || r.mrr() > bestResult.mrr()
                        || (r.mrr() == bestResult.mrr() && r.hitRate() > bestResult.hitRate())) {
                    best = name;
                    bestResult = r;
                }
            } catch (RuntimeException e) {
                log.warn("next-item candidate {} failed", name, e);
                candidates.add(new Candidate(name, Map.of(), seconds(start), e.toString()));
            }
        }
        if (best == null) {
            return KindOutcome.skipped("every candidate failed", candidates);
        }
        SessionPredictor predictor = SessionPredictor.fit(all, Candidates.nextItem(best, properties));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            predictor.save(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Double before = registry.servingScore(ModelKind.NEXT_ITEM).orElse(null);
        boolean swap = SwapRule.replaces(before, bestResult.mrr());
        Map<String, Object> metrics = nextItemMetrics(bestResult, k, train.size());
        metrics.put("sessions", all.size());
        ModelVersion version = registry.save(ModelKind.NEXT_ITEM, best, metrics, bestResult.mrr(),
                bytes.toByteArray(), swap);
        if (swap) {
            serving.serve(new ServingModels.NextItem(predictor, version.version(), bestResult.mrr()));
        }
        return new KindOutcome(true, null, best, version.version(), bestResult.mrr(), before, swap, candidates);
    }

    private KindOutcome trainPurchase(List<SessionHistory> sessions) {
        int held = (int) Math.round(sessions.size() * properties.validationShare());
        if (held < 1 || held >= sessions.size()) {
            return KindOutcome.skipped("too few sessions: " + sessions.size(), List.of());
        }
        List<List<SessionEventFeatures>> features = sessions.stream().map(SessionHistory::features).toList();
        boolean[] labels = new boolean[sessions.size()];
        int trainPositives = 0;
        int cut = sessions.size() - held;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = sessions.get(i).purchased();
            trainPositives += i < cut && labels[i] ? 1 : 0;
        }
        if (trainPositives == 0 || trainPositives == cut) {
            return KindOutcome.skipped("the training sessions need purchases and non-purchases", List.of());
        }
        boolean[] trainLabels = Arrays.copyOfRange(labels, 0, cut);
        boolean[] heldLabels = Arrays.copyOfRange(labels, cut, labels.length);
        List<Candidate> candidates = new ArrayList<>();
        String best = null;
        double bestAuc = Double.NaN;
        for (String name : properties.purchaseModels()) {
            long start = System.nanoTime();
            try {
                PurchaseIntentModel model = Candidates.purchase(name, properties);
                model.fit(features.subList(0, cut), trainLabels);
                double fitted = seconds(start);
                double[] scores = features.subList(cut, features.size()).stream().mapToDouble(model::probability)
                        .toArray();
                double auc = Auc.of(scores, heldLabels);
                candidates.add(new Candidate(name, purchaseMetrics(auc, heldLabels.length, cut), fitted, null));
                if (best == null || (!Double.isNaN(auc) && (Double.isNaN(bestAuc) || auc > bestAuc))) {
                    best = name;
                    bestAuc = auc;
                }
            } catch (RuntimeException e) {
                log.warn("purchase candidate {} failed", name, e);
                candidates.add(new Candidate(name, Map.of(), seconds(start), e.toString()));
            }
        }
        if (best == null) {
            return KindOutcome.skipped("every candidate failed", candidates);
        }
        PurchaseIntentModel model = Candidates.purchase(best, properties);
        model.fit(features, labels);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            PurchaseIntentModels.write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Double before = registry.servingScore(ModelKind.PURCHASE).orElse(null);
        boolean swap = SwapRule.replaces(before, bestAuc);
        Map<String, Object> metrics = purchaseMetrics(bestAuc, heldLabels.length, cut);
        metrics.put("sessions", sessions.size());
        ModelVersion version = registry.save(ModelKind.PURCHASE, best, metrics, bestAuc, bytes.toByteArray(), swap);
        if (swap) {
            serving.serve(new ServingModels.Purchase(model, version.version(), bestAuc));
        }
        return new KindOutcome(true, null, best, version.version(), Double.isNaN(bestAuc) ? null : bestAuc,
                before == null || Double.isNaN(before) ? null : before, swap, candidates);
    }

    private static Map<String, Object> nextItemMetrics(NextItemValidation.Result r, int k, int trainSessions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mrr@" + k, r.mrr());
        m.put("hr@" + k, r.hitRate());
        m.put("cases", r.cases());
        m.put("train_sessions", trainSessions);
        return m;
    }

    private static Map<String, Object> purchaseMetrics(double auc, int heldOut, int trainSessions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("auc", Double.isNaN(auc) ? null : auc);
        m.put("cases", heldOut);
        m.put("train_sessions", trainSessions);
        return m;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
