package dev.aisle.recommend.training;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin endpoints: train now, list versions (the gateway requires the admin credential for these paths). */
@RestController
@RequestMapping("/api/v1/recommendations/admin")
class ModelAdminController {

    private final ModelTrainer trainer;
    private final ModelRegistry registry;

    ModelAdminController(ModelTrainer trainer, ModelRegistry registry) {
        this.trainer = trainer;
        this.registry = registry;
    }

    /** Trains, validates and swaps if not worse; returns the new version (status accepted or rejected). */
    @PostMapping("/train")
    ModelVersion train() {
        return trainer.train();
    }

    /** The served version and the 50 newest versions. */
    @GetMapping("/models")
    Map<String, Object> models() {
        List<ModelVersion> versions = registry.list(50);
        return Map.of("served", registry.servedVersion().map(v -> (Object) v).orElse(Map.of()),
                "versions", versions);
    }
}
