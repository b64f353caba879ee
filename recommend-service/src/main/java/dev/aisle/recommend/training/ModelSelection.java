package dev.aisle.recommend.training;

import dev.aisle.recommend.evaluation.HeldOutRanking;
import dev.aisle.recommend.model.Interactions;
import dev.aisle.recommend.model.ModelConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Champion–challenger selection on one held-back slice: every candidate configuration and the configuration of the
 * model being served are trained on the same training part and scored (NDCG@k, seeded tie-break) on the same held-back
 * items in the same run; the best candidate replaces the served model only if its NDCG is not lower. The served
 * model is retrained rather than scored as stored, because its stored artifact was trained on the items now held
 * back, and a score stored by an earlier run was measured on another slice.
 */
final class ModelSelection {

    /** A configuration and its validation scores (null when nothing was held back). */
    record Scored(ModelConfig config, HeldOutRanking.Scores scores) {

        Double ndcg() {
            return scores == null ? null : scores.ndcg();
        }
    }

    /**
     * The outcome of one selection.
     *
     * @param best the best candidate (the first one on ties)
     * @param served the served configuration scored in the same run, or null when nothing is served
     * @param candidates every candidate with its scores, in configuration order
     * @param accept whether {@code best} should replace the served model
     */
    record Outcome(Scored best, Scored served, List<Scored> candidates, boolean accept) {

        /** Validation NDCG of each candidate and of the served configuration, for the version metadata. */
        Map<String, Object> report() {
            Map<String, Object> ndcg = new LinkedHashMap<>();
            candidates.forEach(c -> ndcg.put(c.config().algorithm(), c.ndcg()));
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("candidates_ndcg", ndcg);
            if (served != null) {
                report.put("served_algorithm", served.config().algorithm());
                report.put("served_ndcg", served.ndcg());
            }
            return report;
        }
    }

    private ModelSelection() {
    }

    /**
     * Scores the candidates and the served configuration on {@code heldItem} (one held-back item per user, -1 =
     * none) after training each on {@code train}.
     *
     * @param served the configuration of the served model, or null when none is served (the best is accepted)
     */
    static Outcome select(Interactions train, int[] heldItem, List<ModelConfig> candidates, ModelConfig served,
            int k, long seed) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("illegal candidates: none, must name at least one algorithm");
        }
        boolean validate = java.util.Arrays.stream(heldItem).anyMatch(i -> i >= 0);
        List<Scored> scored = new ArrayList<>();
        Scored best = null;
        for (ModelConfig config : candidates) {
            Scored s = new Scored(config, validate ? score(config, train, heldItem, k, seed) : null);
            scored.add(s);
            if (best == null || (s.ndcg() != null && s.ndcg() > best.ndcg())) {
                best = s;
            }
        }
        if (served == null || !validate) {
            return new Outcome(best, null, scored, true);
        }
        Scored incumbent = null;
        for (Scored s : scored) {
            if (sameConfiguration(s.config(), served)) {
                incumbent = new Scored(served, s.scores());
            }
        }
        if (incumbent == null) {
            incumbent = new Scored(served, score(served, train, heldItem, k, seed));
        }
        return new Outcome(best, incumbent, scored, best.ndcg() >= incumbent.ndcg());
    }

    private static HeldOutRanking.Scores score(ModelConfig config, Interactions train, int[] heldItem, int k,
            long seed) {
        return HeldOutRanking.evaluate(config.fit(train), train, heldItem, k, seed);
    }

    /** Same algorithm and hyperparameters: training is seeded, so the two would train the same model. */
    static boolean sameConfiguration(ModelConfig a, ModelConfig b) {
        return a.algorithm().equals(b.algorithm()) && a.params().equals(b.params());
    }
}
