package dev.aisle.search.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossEncoderRerankerTests {

    private static final int VOCABULARY = 30_522;
    private static final int EMBEDDING = 16;

    @Test
    void loadsAModelSavedByDjlAndScoresLikeTheOriginal(@TempDir Path dir) throws Exception {
        Engine.getEngine("PyTorch").setRandomSeed(42);
        float[] original;
        try (Model model = Model.newInstance("cross-encoder", "PyTorch")) {
            model.setBlock(new CrossEncoderBlock(VOCABULARY, EMBEDDING));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
                    new Shape(1, 8), new Shape(1, 8), new Shape(1, 8));
            original = scoreWith(model, new long[][] {{101, 2000, 102, 3000, 102}, {101, 2000, 102, 4000, 102}});
            model.save(dir, "cross-encoder");
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(CrossEncoderReranker.PROPERTIES))) {
            out.write("name=cross-encoder\nvocabularySize=" + VOCABULARY + "\nembeddingSize=" + EMBEDDING + "\n");
        }

        try (CrossEncoderReranker reranker = CrossEncoderReranker.load(dir, "cpu", 64)) {
            List<String> texts = List.of("basketball shoe", "garden hose", "kitchen knife");
            float[] scores = reranker.score("shoes", texts);
            assertThat(scores).hasSize(3).doesNotContain(Float.NaN);
            assertThat(reranker.score("shoes", texts)).containsExactly(scores);

            List<RankedProduct> ranked = reranker.rerank("shoes", List.of(
                    new Candidate("a", texts.get(0), 0, null), new Candidate("b", texts.get(1), 0, null),
                    new Candidate("c", texts.get(2), 0, null)));
            assertThat(ranked).extracting(RankedProduct::score).isSortedAccordingTo((x, y) -> Double.compare(y, x));

            float[] reloaded = scoreIds(reranker, new long[][] {{101, 2000, 102, 3000, 102},
                {101, 2000, 102, 4000, 102}});
            assertThat(reloaded).containsExactly(original, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    private static float[] scoreWith(Model model, long[][] ids) throws Exception {
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
                NDManager manager = model.getNDManager().newSubManager()) {
            return predictor.predict(inputs(manager, ids)).get(0).toFloatArray();
        }
    }

    private static float[] scoreIds(CrossEncoderReranker reranker, long[][] ids) {
        long[][][] masks = masks(ids);
        return reranker.scoreTokens(ids, masks[0], masks[1]);
    }

    private static NDList inputs(NDManager manager, long[][] ids) {
        long[][][] masks = masks(ids);
        return new NDList(manager.create(ids), manager.create(masks[0]), manager.create(masks[1]));
    }

    private static long[][][] masks(long[][] ids) {
        long[][] mask = new long[ids.length][];
        long[][] types = new long[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            mask[i] = new long[ids[i].length];
            types[i] = new long[ids[i].length];
            java.util.Arrays.fill(mask[i], 1);
            for (int t = 3; t < ids[i].length; t++) {
                types[i][t] = 1;
            }
        }
        return new long[][][] {mask, types};
    }
}
