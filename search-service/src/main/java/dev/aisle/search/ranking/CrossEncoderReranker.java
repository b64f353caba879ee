package dev.aisle.search.ranking;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reranks with a user's cross-encoder run by DJL's PyTorch engine (Nogueira &amp; Cho, "Passage Re-ranking with
 * BERT", 2019): each (query, product text) pair is tokenised together — {@code [CLS] q [SEP] d [SEP]} with the
 * BERT/MiniLM tokenizer — and the model's first output is the pair's score.
 *
 * <p>The model is either a TorchScript file ({@code .pt}, exported from Python, inputs {@code input_ids},
 * {@code attention_mask}, {@code token_type_ids}) or a directory holding a model saved by DJL with the
 * {@link CrossEncoderBlock} architecture and a {@code cross-encoder.properties} file
 * ({@code vocabularySize}, {@code embeddingSize}, {@code name}).
 */
public final class CrossEncoderReranker implements Reranker, AutoCloseable {

    /** File describing a DJL-saved cross-encoder directory. */
    public static final String PROPERTIES = "cross-encoder.properties";

    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    private CrossEncoderReranker(HuggingFaceTokenizer tokenizer, ZooModel<NDList, NDList> model) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /**
     * Loads a cross-encoder.
     *
     * @param path a TorchScript {@code .pt} file or a DJL-saved model directory
     * @param device {@code cpu} or {@code gpu} (CPU when no GPU is present)
     * @param maxLength longest token sequence of a pair
     */
    public static CrossEncoderReranker load(Path path, String device, int maxLength) {
        System.setProperty("ai.djl.offline", "true");
        try {
            HuggingFaceTokenizer tokenizer;
            try (InputStream in = MiniLmEncoder.class.getClassLoader()
                    .getResourceAsStream(MiniLmEncoder.TOKENIZER_RESOURCE)) {
                if (in == null) {
                    throw new IOException(MiniLmEncoder.TOKENIZER_RESOURCE + " is not on the class path");
                }
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("maxLength", Integer.toString(maxLength),
                        "padding", "true", "truncation", "true"));
            }
            Criteria.Builder<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optEngine("PyTorch")
                    .optDevice(torchDevice(device))
                    .optTranslator(new NoopTranslator());
            if (Files.isDirectory(path) && Files.exists(path.resolve(PROPERTIES))) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(path.resolve(PROPERTIES))) {
                    properties.load(reader);
                }
                criteria.optModelPath(path)
                        .optModelName(properties.getProperty("name", "cross-encoder"))
                        .optBlock(new CrossEncoderBlock(
                                Integer.parseInt(properties.getProperty("vocabularySize", "30522")),
                                Integer.parseInt(properties.getProperty("embeddingSize", "32"))));
            } else {
                criteria.optModelPath(path);
            }
            return new CrossEncoderReranker(tokenizer, criteria.build().loadModel());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load cross-encoder " + path + ": " + e.getMessage(), e);
        }
    }

    private static ai.djl.Device torchDevice(String name) {
        if ("gpu".equalsIgnoreCase(name) && ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount() > 0) {
            return ai.djl.Device.gpu();
        }
        return ai.djl.Device.cpu();
    }

    /** Scores of (query, text) pairs, in order. */
    public synchronized float[] score(String query, List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0];
        }
        PairList<String, String> pairs = new PairList<>();
        texts.forEach(text -> pairs.add(query, text == null ? "" : text));
        Encoding[] encodings = tokenizer.batchEncode(pairs);
        long[][] ids = new long[encodings.length][];
        long[][] mask = new long[encodings.length][];
        long[][] types = new long[encodings.length][];
        for (int i = 0; i < encodings.length; i++) {
            ids[i] = encodings[i].getIds();
            mask[i] = encodings[i].getAttentionMask();
            types[i] = encodings[i].getTypeIds();
        }
        return scoreTokens(ids, mask, types);
    }

    /** Scores of already tokenised pairs. */
    synchronized float[] scoreTokens(long[][] ids, long[][] mask, long[][] types) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray inputIds = manager.create(ids);
            inputIds.setName("input_ids");
            NDArray attention = manager.create(mask);
            attention.setName("attention_mask");
            NDArray typeIds = manager.create(types);
            typeIds.setName("token_type_ids");
            NDArray scores = predictor.predict(new NDList(inputIds, attention, typeIds)).get(0);
            return scores.reshape(ids.length, -1).get(":, 0").toFloatArray();
        } catch (TranslateException e) {
            throw new IllegalStateException("cross-encoder inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<RankedProduct> rerank(String query, List<Candidate> candidates) {
        float[] scores = score(query, candidates.stream().map(Candidate::text).toList());
        List<RankedProduct> ranked = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            ranked.add(new RankedProduct(candidates.get(i).id(), scores[i]));
        }
        ranked.sort(Comparator.comparingDouble(RankedProduct::score).reversed());
        return ranked;
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
        tokenizer.close();
    }
}
