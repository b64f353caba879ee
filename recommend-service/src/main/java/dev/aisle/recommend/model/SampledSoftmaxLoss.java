package dev.aisle.recommend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy of each user's positive item against a shared set of candidate items (all items when the
 * catalogue is small, else a uniform sample, as in Jean et al., "On Using Very Large Target Vocabulary for Neural
 * Machine Translation", ACL 2015; a uniform proposal needs no log-Q correction), plus L2 on the batch's vectors:
 * {@code L = −(1/B) Σ_b log( exp(u_b·v_b) / (exp(u_b·v_b) + Σ_{c ≠ v_b} exp(u_b·v_c)) ) + λ/B Σ_b (‖u_b‖² + ‖v_b‖²)}.
 *
 * <p>Predictions: user vectors {@code [B,d]} and item vectors {@code [B+S,d]} (the B positives, then the S candidates).
 * Labels: {@code [B,S]}, 1 where candidate c is the row's own positive (an accidental hit, masked out).
 */
final class SampledSoftmaxLoss extends Loss {

    private static final float MASKED = 1e9f;

    private final float regularization;

    SampledSoftmaxLoss(float regularization) {
        super("sampled_softmax");
        this.regularization = regularization;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray users = predictions.get(0);
        NDArray items = predictions.get(1);
        long batch = users.getShape().get(0);
        NDArray positives = items.get(new NDIndex("0:{}", batch));
        NDArray candidates = items.get(new NDIndex("{}:", batch));
        NDArray positive = users.mul(positives).sum(new int[] {1}, true);
        NDArray negative = users.matMul(candidates.transpose()).sub(labels.singletonOrThrow().mul(MASKED));
        NDArray logits = positive.concat(negative, 1);
        NDArray nll = logits.logSoftmax(1).get(new NDIndex(":, 0")).neg().mean();
        if (regularization == 0) {
            return nll;
        }
        return nll.add(users.square().sum().add(positives.square().sum()).mul(regularization / (float) batch));
    }
}
