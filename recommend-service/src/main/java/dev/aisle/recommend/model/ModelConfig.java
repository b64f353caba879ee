package dev.aisle.recommend.model;

import java.util.Map;

/** The hyperparameters of one algorithm; {@link #fit(Interactions)} trains a model with them. */
public interface ModelConfig {

    /** Algorithm name of the models this configuration trains. */
    String algorithm();

    /** Trains a model on the interactions. */
    Recommender fit(Interactions data);

    /** The hyperparameters as a name → value map (for reports and model metadata). */
    Map<String, Object> params();
}
