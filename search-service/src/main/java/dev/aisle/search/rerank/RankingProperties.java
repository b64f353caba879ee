package dev.aisle.search.rerank;

import dev.aisle.search.query.TitleMatchWeights;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Reranking configuration.
 *
 * @param enabled whether products are embedded and results reranked (default true)
 * @param engine DJL engine of the bi-encoder (default {@code OnnxRuntime}, the only one the MiniLM file needs)
 * @param modelPath ONNX file of the bi-encoder; empty for the class-path all-MiniLM-L6-v2 (default)
 * @param device {@code cpu} (default) or {@code gpu} (used when a GPU is present)
 * @param maxLength longest token sequence the encoder reads (default 128)
 * @param depth how many BM25 hits (and as many vector neighbours) are reranked (default 50)
 * @param lexicalWeight weight {@code w} of the normalised BM25 score in the fusion of BM25 and vector
 *     candidates (default 0.7, best for hybrid retrieval over the Home Depot catalogue)
 * @param trigramWeight weight of the title character-trigram BM25 added to the BM25 score on the lexical side of the
 *     fusion (default 1.0; robust to misspellings and run-together words; 0 turns it off)
 * @param timeBudgetMs longest a rerank may take before the BM25 order is served (default 200 ms)
 * @param crossEncoderPath a PyTorch cross-encoder (TorchScript {@code .pt} or DJL-saved directory) to rerank with
 *     instead of the fusion; empty for none (default)
 * @param intraOpThreads threads of one ONNX Runtime inference (default 1: a query encodes fastest on one thread when
 *     the cores are shared; bulk encoding runs one such inference per core in parallel)
 * @param coverageWeight weight of the share of query terms the title holds, added to the fused score (default
 *     0; see {@code TitleMatch})
 * @param numberWeight weight of the share of query numbers ({@code 2x4}, {@code 1/2}) the title holds (default
 *     0.3)
 * @param orderWeight weight of the share of adjacent query-term pairs the title holds in order (default
 *     0.05)
 * @param headWeight weight of the title holding the query's last word (default 0.2)
 */
@Validated
@ConfigurationProperties("aisle.search.ranking")
public record RankingProperties(
        Boolean enabled,
        @Pattern(regexp = "OnnxRuntime") String engine,
        String modelPath,
        @Pattern(regexp = "(?i)cpu|gpu") String device,
        @Min(8) @Max(512) Integer maxLength,
        @Min(1) @Max(1000) Integer depth,
        @DecimalMin("0") @DecimalMax("1") Double lexicalWeight,
        @DecimalMin("0") @DecimalMax("100") Double trigramWeight,
        @Min(1) @Max(60_000) Long timeBudgetMs,
        String crossEncoderPath,
        @Min(1) @Max(64) Integer intraOpThreads,
        @DecimalMin("0") @DecimalMax("10") Double coverageWeight,
        @DecimalMin("0") @DecimalMax("10") Double numberWeight,
        @DecimalMin("0") @DecimalMax("10") Double orderWeight,
        @DecimalMin("0") @DecimalMax("10") Double headWeight) {

    public RankingProperties {
        enabled = enabled == null || enabled;
        engine = engine == null ? "OnnxRuntime" : engine;
        modelPath = modelPath == null ? "" : modelPath;
        device = device == null ? "cpu" : device;
        maxLength = maxLength == null ? 128 : maxLength;
        depth = depth == null ? 50 : depth;
        lexicalWeight = lexicalWeight == null ? 0.7 : lexicalWeight;
        trigramWeight = trigramWeight == null ? 1.0 : trigramWeight;
        timeBudgetMs = timeBudgetMs == null ? 200L : timeBudgetMs;
        crossEncoderPath = crossEncoderPath == null ? "" : crossEncoderPath;
        intraOpThreads = intraOpThreads == null ? 1 : intraOpThreads;
        coverageWeight = coverageWeight == null ? TitleMatchWeights.DEFAULTS.coverage() : coverageWeight;
        numberWeight = numberWeight == null ? TitleMatchWeights.DEFAULTS.numbers() : numberWeight;
        orderWeight = orderWeight == null ? TitleMatchWeights.DEFAULTS.order() : orderWeight;
        headWeight = headWeight == null ? TitleMatchWeights.DEFAULTS.head() : headWeight;
    }

    /** The title-match weights as one value. */
    public TitleMatchWeights titleMatchWeights() {
        return new TitleMatchWeights(coverageWeight, numberWeight, orderWeight, headWeight);
    }

    /** The defaults above. */
    public static RankingProperties defaults() {
        return new RankingProperties(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
