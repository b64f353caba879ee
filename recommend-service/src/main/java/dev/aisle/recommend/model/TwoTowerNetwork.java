package dev.aisle.recommend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.Random;

/**
 * The DJL block of {@link TwoTower}: embedding tables and the two towers, {@code u = E_user[u] + Σ_h w_h E_ctx[h]}
 * and {@code v = E_item[i] + Σ_t w_t E_token[t]}, where the weights are precomputed means over the (sampled) history
 * and over the item's hashed text tokens.
 *
 * <p>Inputs: users {@code [B]}, history {@code [B,H]}, history weights {@code [B,H]}, items {@code [M]}, item tokens
 * {@code [M,T]}, token weights {@code [M,T]} (indices int64). Outputs: user vectors {@code [B,d]}, item vectors
 * {@code [M,d]}.
 */
final class TwoTowerNetwork extends AbstractBlock {

    static final String USER = "user";
    static final String ITEM = "item";
    static final String CONTEXT = "context";
    static final String TOKEN = "token";

    private final Parameter user;
    private final Parameter item;
    private final Parameter context;
    private final Parameter token;
    private final int factors;

    TwoTowerNetwork(int users, int items, int tokenBuckets, int factors, boolean userIds, boolean history,
            long seed) {
        super((byte) 1);
        this.factors = factors;
        double scale = 0.1 / Math.sqrt(factors);
        this.user = userIds ? table(USER, users, factors, scale, seed) : null;
        this.item = table(ITEM, items, factors, scale, seed + 1);
        this.context = history ? table(CONTEXT, items, factors, scale, seed + 2) : null;
        this.token = tokenBuckets > 0 ? table(TOKEN, tokenBuckets, factors, scale, seed + 3) : null;
    }

    private Parameter table(String name, int rows, int k, double scale, long seed) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(Math.max(rows, 1), k)).optInitializer(new SeededNormal(scale, seed)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray users = inputs.get(0);
        NDArray history = inputs.get(1);
        NDArray historyWeights = inputs.get(2);
        NDArray items = inputs.get(3);
        NDArray tokens = inputs.get(4);
        NDArray tokenWeights = inputs.get(5);
        NDArray u = null;
        if (user != null) {
            u = lookup(store, user, users, training);
        }
        if (context != null && history.getShape().get(1) > 0) {
            NDArray h = weightedSum(lookup(store, context, history, training), historyWeights);
            u = u == null ? h : u.add(h);
        }
        if (u == null) {
            u = users.getManager().zeros(new Shape(users.getShape().get(0), factors));
        }
        NDArray v = lookup(store, item, items, training);
        if (token != null && tokens.getShape().get(1) > 0) {
            v = v.add(weightedSum(lookup(store, token, tokens, training), tokenWeights));
        }
        return new NDList(u, v);
    }

    private static NDArray lookup(ParameterStore store, Parameter table, NDArray indices, boolean training) {
        NDArray weight = store.getValue(table, indices.getDevice(), training);
        return Embedding.embedding(indices, weight, SparseFormat.DENSE).singletonOrThrow();
    }

    /** {@code [B,H,d]} rows weighted by {@code [B,H]} and summed over H. */
    private static NDArray weightedSum(NDArray rows, NDArray weights) {
        return rows.mul(weights.expandDims(2)).sum(new int[] {1});
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), factors), new Shape(inputShapes[3].get(0), factors)};
    }

    /** The table's values (row-major), or null when the network has no such table. */
    float[] values(String name) {
        Parameter p = getParameters().contains(name) ? getParameters().get(name) : null;
        return p == null ? null : p.getArray().toFloatArray();
    }

    /** Normal initialisation drawn from a seeded Java stream, so weights do not depend on the engine's generator. */
    private record SeededNormal(double scale, long seed) implements Initializer {

        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            Random random = new Random(seed);
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int n = 0; n < values.length; n++) {
                values[n] = (float) (random.nextGaussian() * scale);
            }
            return manager.create(values, shape).toType(dataType, false);
        }
    }
}
