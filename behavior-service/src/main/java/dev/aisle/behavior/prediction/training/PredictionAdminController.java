package dev.aisle.behavior.prediction.training;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin endpoints of the prediction models: train now, list the stored versions. */
@RestController
@RequestMapping("/api/v1/predictions/admin")
class PredictionAdminController {

    private final PredictionTrainer trainer;
    private final ModelRegistry registry;

    PredictionAdminController(PredictionTrainer trainer, ModelRegistry registry) {
        this.trainer = trainer;
        this.registry = registry;
    }

    /** Trains both model kinds and reports versions, validation metrics and swaps; 409 while one is running. */
    @PostMapping("/train")
    TrainingOutcome train() {
        return trainer.train();
    }

    /** Every stored version, newest first. */
    @GetMapping("/models")
    List<ModelVersion> models() {
        return registry.versions();
    }
}
