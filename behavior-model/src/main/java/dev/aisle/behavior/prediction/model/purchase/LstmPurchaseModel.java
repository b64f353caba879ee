package dev.aisle.behavior.prediction.model.purchase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * LSTM classifier of purchase intent on DL4J: the event vectors ({@link PurchaseFeatures#event}) run through an
 * LSTM; the state after the last real event gives {@code P(buy) = σ(w · h_L + b)}, trained on the binary
 * cross-entropy with Adam on minibatches of sessions of similar length (masked).
 */
public final class LstmPurchaseModel implements PurchaseIntentModel {

    private final int hidden;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final int maxEvents;
    private final long seed;
    private MultiLayerNetwork net;
    private double baseRate;

    /**
     * @param hidden LSTM state size (default 32)
     * @param epochs passes over the sessions (default 8)
     * @param batchSize sessions per minibatch (default 64)
     * @param learningRate Adam step (default 0.005)
     * @param maxEvents only the last this many events of a session are read (default 50)
     * @param seed weight initialisation and shuffling
     */
    public LstmPurchaseModel(int hidden, int epochs, int batchSize, double learningRate, int maxEvents, long seed) {
        if (hidden < 1 || epochs < 1 || batchSize < 1 || maxEvents < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("hidden, epochs, batchSize, maxEvents must be at least 1 and "
                    + "learningRate > 0, got " + hidden + ", " + epochs + ", " + batchSize + ", " + maxEvents + ", "
                    + learningRate);
        }
        this.hidden = hidden;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.maxEvents = maxEvents;
        this.seed = seed;
    }

    /** The defaults above with the given seed. */
    public static LstmPurchaseModel defaults(long seed) {
        return new LstmPurchaseModel(32, 8, 64, 0.005, 50, seed);
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public void fit(List<List<SessionEventFeatures>> sessions, boolean[] purchased) {
        Nd4j.getRandom().setSeed(seed);
        int positives = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            positives += purchased[i] ? 1 : 0;
            if (!sessions.get(i).isEmpty()) {
                order.add(i);
            }
        }
        baseRate = sessions.isEmpty() ? 0 : positives / (double) sessions.size();
        net = new MultiLayerNetwork(configuration());
        net.init();
        Random random = new Random(seed);
        Collections.shuffle(order, random);
        order.sort(Comparator.comparingInt(i -> Math.min(maxEvents, sessions.get(i).size())));
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += batchSize) {
            batches.add(order.subList(from, Math.min(order.size(), from + batchSize)).stream().mapToInt(i -> i)
                    .toArray());
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(batches, random);
            for (int[] batch : batches) {
                List<List<SessionEventFeatures>> chunk = new ArrayList<>();
                float[] labels = new float[batch.length];
                for (int b = 0; b < batch.length; b++) {
                    chunk.add(sessions.get(batch[b]));
                    labels[b] = purchased[batch[b]] ? 1f : 0f;
                }
                INDArray[] input = encode(chunk);
                net.fit(new DataSet(input[0], Nd4j.create(labels, new long[] {batch.length, 1}, 'c'), input[1],
                        null));
            }
        }
    }

    private MultiLayerConfiguration configuration() {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new LastTimeStep(new LSTM.Builder().nIn(PurchaseFeatures.EVENT_WIDTH).nOut(hidden)
                        .activation(Activation.TANH).dataFormat(RNNFormat.NCW).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID)
                        .nIn(hidden).nOut(1).build())
                .build();
    }

    /** Features {@code [mb, width, T]} (the last {@code maxEvents} events, front-aligned) and mask {@code [mb, T]}. */
    private INDArray[] encode(List<List<SessionEventFeatures>> sessions) {
        int mb = sessions.size();
        int steps = 1;
        for (List<SessionEventFeatures> s : sessions) {
            steps = Math.max(steps, Math.min(maxEvents, s.size()));
        }
        int width = PurchaseFeatures.EVENT_WIDTH;
        float[] x = new float[mb * width * steps];
        float[] mask = new float[mb * steps];
        for (int b = 0; b < mb; b++) {
            List<SessionEventFeatures> s = sessions.get(b);
            int from = Math.max(0, s.size() - maxEvents);
            for (int t = from; t < s.size(); t++) {
                float[] v = PurchaseFeatures.event(s, t);
                for (int f = 0; f < width; f++) {
                    x[(b * width + f) * steps + t - from] = v[f];
                }
                mask[b * steps + t - from] = 1f;
            }
        }
        return new INDArray[] {Nd4j.create(x, new long[] {mb, width, steps}, 'c'),
                Nd4j.create(mask, new long[] {mb, steps}, 'c')};
    }

    @Override
    public double probability(List<SessionEventFeatures> events) {
        if (events.isEmpty()) {
            return baseRate;
        }
        INDArray[] input = encode(List.of(events));
        synchronized (this) {
            return net.output(input[0], false, input[1], null).getDouble(0);
        }
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("hidden", hidden, "epochs", epochs, "batch", batchSize, "lr", learningRate, "max_events",
                maxEvents, "seed", seed);
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(hidden);
        out.writeInt(epochs);
        out.writeInt(batchSize);
        out.writeDouble(learningRate);
        out.writeInt(maxEvents);
        out.writeLong(seed);
        out.writeDouble(baseRate);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, false);
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    /** Restores a model written by {@link #write}. */
    public static LstmPurchaseModel read(DataInputStream in) throws IOException {
        LstmPurchaseModel model = new LstmPurchaseModel(in.readInt(), in.readInt(), in.readInt(), in.readDouble(),
                in.readInt(), in.readLong());
        model.baseRate = in.readDouble();
        byte[] bytes = in.readNBytes(in.readInt());
        model.net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
        return model;
    }
}
