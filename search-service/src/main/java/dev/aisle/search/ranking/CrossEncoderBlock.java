package dev.aisle.search.ranking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A small cross-encoder over a tokenised (query, product) pair, the architecture of DJL-saved reranking models:
 * {@code s = wᵀ tanh(Σ_t m_t (E[x_t] + S[seg_t]) / Σ_t m_t) + c}, token embeddings {@code E}, segment embeddings
 * {@code S} (query = 0, product = 1) and attention mask {@code m}. Inputs: {@code input_ids}, {@code attention_mask},
 * {@code token_type_ids} (int64, [batch, tokens]); output: one score per pair ([batch, 1]).
 */
public final class CrossEncoderBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int embeddingSize;
    private final IdEmbedding tokens;
    private final IdEmbedding segments;
    private final Linear output;

    /**
     * @param vocabularySize number of token ids (30,522 for the MiniLM/BERT tokenizer)
     * @param embeddingSize width of the embeddings
     */
    public CrossEncoderBlock(int vocabularySize, int embeddingSize) {
        super(VERSION);
        if (vocabularySize < 2 || embeddingSize < 1) {
            throw new IllegalArgumentException("illegal sizes: vocabulary " + vocabularySize + ", embedding "
                    + embeddingSize + "; must be at least 2 and 1");
        }
        this.embeddingSize = embeddingSize;
        this.tokens = addChildBlock("tokens", new IdEmbedding.Builder().setDictionarySize(vocabularySize)
                .setEmbeddingSize(embeddingSize).build());
        this.segments = addChildBlock("segments", new IdEmbedding.Builder().setDictionarySize(2)
                .setEmbeddingSize(embeddingSize).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(1).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1).toType(DataType.FLOAT32, false).expandDims(2);
        NDArray types = inputs.get(2);
        NDArray hidden = tokens.forward(store, new NDList(ids), training).singletonOrThrow()
                .add(segments.forward(store, new NDList(types), training).singletonOrThrow());
        NDArray pooled = hidden.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1f)).tanh();
        return output.forward(store, new NDList(pooled), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        tokens.initialize(manager, dataType, inputShapes[0]);
        segments.initialize(manager, dataType, inputShapes[2]);
        output.initialize(manager, dataType, new Shape(inputShapes[0].get(0), embeddingSize));
    }
}
