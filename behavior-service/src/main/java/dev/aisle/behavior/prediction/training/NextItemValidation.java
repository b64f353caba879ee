package dev.aisle.behavior.prediction.training;

import dev.aisle.behavior.prediction.model.ScoredItem;
import dev.aisle.behavior.prediction.model.SessionPredictor;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation of a next-item predictor on (prefix, next item) cases over string ids, the SR-GNN protocol as the
 * service would answer (unknown prefix items ignored, an all-unknown prefix answered by popularity):
 * {@code HR@k = |{t : rank(t) ≤ k}| / N}, {@code MRR@k = Σ_{rank(t) ≤ k} 1 / rank(t) / N}.
 */
final class NextItemValidation {

    /** A validation case: the session so far and the item that came next. */
    record Case(List<String> prefix, String target) {
    }

    /** Hit rate and MRR at k, as fractions. */
    record Result(double hitRate, double mrr, int cases) {
    }

    private NextItemValidation() {
    }

    /** Every (prefix, next item) case of {@code sessions}, at most {@code max}. */
    static List<Case> cases(List<List<String>> sessions, int max) {
        List<Case> cases = new ArrayList<>();
        for (List<String> s : sessions) {
            for (int j = 1; j < s.size() && cases.size() < max; j++) {
                cases.add(new Case(s.subList(0, j), s.get(j)));
            }
        }
        return cases;
    }

    static Result evaluate(SessionPredictor predictor, List<Case> cases, int k) {
        double hits = 0;
        double rr = 0;
        for (Case c : cases) {
            List<ScoredItem> top = predictor.predictNext(c.prefix(), k).items();
            for (int r = 0; r < top.size(); r++) {
                if (top.get(r).itemId().equals(c.target())) {
                    hits++;
                    rr += 1.0 / (r + 1);
                    break;
                }
            }
        }
        int n = cases.size();
        return new Result(n == 0 ? 0 : hits / n, n == 0 ? 0 : rr / n, n);
    }
}
