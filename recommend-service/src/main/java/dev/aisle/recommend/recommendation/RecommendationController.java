package dev.aisle.recommend.recommendation;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recommendation endpoints under {@code /api/v1/recommendations}. */
@RestController
@RequestMapping("/api/v1/recommendations")
class RecommendationController {

    private final RecommendationService service;

    RecommendationController(RecommendationService service) {
        this.service = service;
    }

    @GetMapping("/users/{userId}")
    RecommendationResponse forUser(@PathVariable String userId, @RequestParam(defaultValue = "10") int n,
            @RequestParam(required = false) String category, @RequestParam(required = false) String exclude,
            @RequestParam(required = false) String algorithm) {
        return service.forUser(userId, n, blankToNull(category), ids(exclude), blankToNull(algorithm));
    }

    @GetMapping("/items/{itemId}/similar")
    RecommendationResponse similar(@PathVariable String itemId, @RequestParam(defaultValue = "10") int n) {
        return service.similar(itemId, n);
    }

    @GetMapping("/popular")
    RecommendationResponse popular(@RequestParam(defaultValue = "10") int n,
            @RequestParam(required = false) String category, @RequestParam(defaultValue = "false") boolean trending) {
        return service.popular(n, blankToNull(category), trending);
    }

    @PostMapping("/session")
    RecommendationResponse session(@Valid @RequestBody SessionRequest request) {
        return service.session(request.itemIds(), request.size());
    }

    private static Set<String> ids(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
