package dev.aisle.behavior.profile.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTests {

    /** Three tight blobs of 50 points around (0,0), (10,0) and (0,10). */
    private static double[][] blobs() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        double[][] points = new double[150][];
        for (int i = 0; i < points.length; i++) {
            double[] c = centres[i / 50];
            points[i] = new double[] {c[0] + random.nextDouble() - 0.5, c[1] + random.nextDouble() - 0.5};
        }
        return points;
    }

    @Test
    void separatesWellSeparatedBlobs() {
        KMeans.Clustering clustering = new KMeans(3, 100, 42).fit(blobs());

        for (int blob = 0; blob < 3; blob++) {
            int first = clustering.assignment()[blob * 50];
            for (int i = blob * 50; i < blob * 50 + 50; i++) {
                assertThat(clustering.assignment()[i]).isEqualTo(first);
            }
        }
        assertThat(clustering.assignment()[0]).isNotEqualTo(clustering.assignment()[50]);
        assertThat(clustering.assignment()[50]).isNotEqualTo(clustering.assignment()[100]);
        // each point lies within 0.5·√2 of its blob's centre, so the mean squared distance is under 0.5
        assertThat(clustering.inertia() / 150).isLessThan(0.5);
    }

    @Test
    void givesTheSameClusteringForTheSameSeed() {
        KMeans.Clustering a = new KMeans(4, 100, 9).fit(blobs());
        KMeans.Clustering b = new KMeans(4, 100, 9).fit(blobs());

        assertThat(a.assignment()).containsExactly(b.assignment());
        assertThat(a.inertia()).isEqualTo(b.inertia());
    }

    @Test
    void rejectsIllegalSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KMeans(0, 10, 1)).withMessageContaining("k");
        assertThatIllegalArgumentException().isThrownBy(() -> new KMeans(3, 10, 1).fit(new double[][] {{1}}));
    }

    @Test
    void standardisesToZeroMeanAndUnitDeviation() {
        double[][] z = Standardiser.fit(new double[][] {{1, 5}, {3, 5}}).transform(new double[][] {{1, 5}, {3, 5}});

        assertThat(z[0]).containsExactly(-1, 0);
        assertThat(z[1]).containsExactly(1, 0);
    }

    @Test
    void describesSegmentsInPlainWords() {
        assertThat(SegmentDescriber.describe(new double[] {1.2, 1, 1.5, -0.8}, 3))
                .isEqualTo("frequent high spenders, recently active");
        assertThat(SegmentDescriber.describe(new double[] {-1, -1, -1, 1}, 0.1))
                .isEqualTo("occasional non-buying visitors, lapsed");
    }
}
