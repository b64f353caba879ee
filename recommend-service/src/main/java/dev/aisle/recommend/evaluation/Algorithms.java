package dev.aisle.recommend.evaluation;

import dev.aisle.recommend.model.BiasedMf;
import dev.aisle.recommend.model.Ease;
import dev.aisle.recommend.model.Bpr;
import dev.aisle.recommend.model.ImplicitAls;
import dev.aisle.recommend.model.ItemKnn;
import dev.aisle.recommend.model.ModelConfig;
import dev.aisle.recommend.model.Popularity;
import dev.aisle.recommend.model.TwoTower;
import dev.aisle.recommend.model.UserKnn;
import java.util.LinkedHashMap;
import java.util.Map;

/** The algorithms the evaluation knows, with their default configurations. */
final class Algorithms {

    /** Names in evaluation order. */
    static final String ALL = "popular,item-knn,user-knn,als,bpr,mf,ease,two-tower";

    private Algorithms() {
    }

    static Map<String, ModelConfig> defaults(long seed) {
        return defaults(seed, 0);
    }

    /** The defaults, the two-tower with an early-stopping slice of {@code twoTowerValidationUsers} users. */
    static Map<String, ModelConfig> defaults(long seed, int twoTowerValidationUsers) {
        Map<String, ModelConfig> m = new LinkedHashMap<>();
        m.put("popular", new Popularity.Config());
        m.put("item-knn", ItemKnn.Config.defaults());
        m.put("user-knn", UserKnn.Config.defaults());
        ImplicitAls.Config als = ImplicitAls.Config.defaults();
        m.put("als", new ImplicitAls.Config(als.factors(), als.regularization(), als.alpha(), als.iterations(),
                als.cgSteps(), als.scaleRegularization(), als.threads(), seed));
        Bpr.Config bpr = Bpr.Config.defaults();
        m.put("bpr", new Bpr.Config(bpr.factors(), bpr.learningRate(), bpr.regularization(), bpr.epochs(), seed));
        BiasedMf.Config mf = BiasedMf.Config.defaults();
        m.put("mf", new BiasedMf.Config(mf.factors(), mf.learningRate(), mf.regularization(),
                mf.biasRegularization(), mf.epochs(), mf.decay(), seed));
        m.put("ease", Ease.Config.defaults());
        m.put("two-tower", TwoTower.Config.defaults().withSeed(seed).withValidationUsers(twoTowerValidationUsers));
        return m;
    }
}
