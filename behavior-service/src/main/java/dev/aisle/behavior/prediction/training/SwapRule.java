package dev.aisle.behavior.prediction.training;

/**
 * When a newly trained model replaces the serving one: when there is none, or when the candidate's validation
 * score (higher is better) is not worse than the serving model's. An undefined candidate score (NaN, e.g. an AUC
 * on a validation slice with one class only) replaces nothing but an empty slot.
 */
public final class SwapRule {

    private SwapRule() {
    }

    /**
     * @param serving validation score of the serving model, or null when none serves
     * @param candidate validation score of the new model
     */
    public static boolean replaces(Double serving, double candidate) {
        if (serving == null) {
            return true;
        }
        if (Double.isNaN(candidate)) {
            return false;
        }
        return Double.isNaN(serving) || candidate >= serving;
    }
}
