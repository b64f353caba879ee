package dev.aisle.common.metric;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class MeanAccumulatorTests {

    @Test
    void averagesEachMetricOverItsObservations() {
        MeanAccumulator acc = new MeanAccumulator().add("ndcg@10", 1.0).add("ndcg@10", 0.0).add("hr@10", 1.0);

        assertThat(acc.mean("ndcg@10")).isEqualTo(0.5);
        assertThat(acc.count("ndcg@10")).isEqualTo(2);
        assertThat(acc.count()).isEqualTo(2);
        assertThat(acc.means()).containsExactly(entry("ndcg@10", 0.5), entry("hr@10", 1.0));
        assertThat(acc.mean("mrr")).isNaN();
    }

    @Test
    void mergesPartialAccumulators() {
        MeanAccumulator a = new MeanAccumulator().addAll(Map.of("p", 1.0));
        MeanAccumulator b = new MeanAccumulator().add("p", 0.0).add("p", 0.5);

        assertThat(a.merge(b).mean("p")).isEqualTo(0.5);
        assertThat(a.count("p")).isEqualTo(3);
    }

    @Test
    void rejectsNan() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MeanAccumulator().add("auc", Double.NaN))
                .withMessageContaining("auc");
    }
}
