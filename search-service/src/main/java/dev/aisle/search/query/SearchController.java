package dev.aisle.search.query;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Product search and autocomplete. */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping
    SearchResponse get(@Valid @ModelAttribute SearchRequest request,
            @RequestHeader(name = "X-Session-Id", required = false) String sessionHeader) {
        return run(request, sessionHeader);
    }

    @PostMapping
    SearchResponse post(@Valid @RequestBody SearchRequest request,
            @RequestHeader(name = "X-Session-Id", required = false) String sessionHeader) {
        return run(request, sessionHeader);
    }

    @GetMapping("/suggest")
    Map<String, Object> suggest(@RequestParam @NotBlank @Size(max = 100) String prefix,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int size) {
        List<String> suggestions = search.suggest(prefix, size);
        return Map.of("prefix", prefix, "suggestions", suggestions);
    }

    private SearchResponse run(SearchRequest request, String sessionHeader) {
        String session = request.sessionId() != null ? request.sessionId()
                : sessionHeader != null && !sessionHeader.isBlank() ? sessionHeader
                : request.userId() != null ? null : "anon-" + UUID.randomUUID();
        return search.search(request, request.userId(), session);
    }
}
