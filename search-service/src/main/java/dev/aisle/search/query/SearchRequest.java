package dev.aisle.search.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Parameters of {@code GET /api/v1/search}.
 *
 * @param q full-text query (may be empty when a filter is given)
 * @param category category path prefix, levels joined with {@code " > "}
 * @param brand exact brand
 * @param minPrice lowest price, at least 0
 * @param maxPrice highest price, at least 0
 * @param inStock only in-stock (true) or out-of-stock (false) products
 * @param sort {@code relevance} (default), {@code price_asc}, {@code price_desc} or {@code newest}
 * @param page page number from 0 (default 0)
 * @param size page size, 1–100 (default 20)
 * @param rerank whether to rerank the top hits semantically (default true)
 * @param userId who searches, for the search event
 * @param sessionId the session, for the search event
 */
public record SearchRequest(
        @Size(max = 500) String q,
        @Size(max = 500) String category,
        @Size(max = 200) String brand,
        @PositiveOrZero Double minPrice,
        @PositiveOrZero Double maxPrice,
        Boolean inStock,
        @Pattern(regexp = "relevance|price_asc|price_desc|newest") String sort,
        @Min(0) @Max(10_000) Integer page,
        @Min(1) @Max(100) Integer size,
        Boolean rerank,
        @Size(max = 200) String userId,
        @Size(max = 200) String sessionId) {

    public SearchRequest {
        sort = sort == null || sort.isBlank() ? "relevance" : sort;
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
        rerank = rerank == null || rerank;
    }
}
