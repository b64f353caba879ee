package dev.aisle.common.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProductTests {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheArchitectureJsonContract() {
        Product p = json.readValue("""
                {"id":"p-1","title":"Air Zoom basketball shoe","description":"…","brand":"Nike",
                 "categoryPath":["Sports","Basketball","Shoes"],"price":89.99,"currency":"USD",
                 "attributes":{"color":"red"},"inStock":false,"language":"en",
                 "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-02T00:00:00Z"}""", Product.class);

        assertThat(p.id()).isEqualTo("p-1");
        assertThat(p.categoryPath()).containsExactly("Sports", "Basketball", "Shoes");
        assertThat(p.price()).isEqualByComparingTo("89.99");
        assertThat(p.attributes()).containsEntry("color", "red");
        assertThat(p.inStock()).isFalse();
        assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void defaultsInStockToTrueWhenAbsentFromJson() {
        Product p = json.readValue("{\"id\":\"p-1\",\"title\":\"Shoe\"}", Product.class);

        assertThat(p.inStock()).isTrue();
        assertThat(p.categoryPath()).isEmpty();
        assertThat(p.attributes()).isEmpty();
    }

    @Test
    void writesInStockAndIsoTimestampsAndRoundTrips() {
        Product p = new Product("p-1", "Shoe", null, "Nike", List.of("Sports", "Shoes"), new BigDecimal("10.50"),
                "usd", Map.of("size", "42"), true, "en", Instant.parse("2026-01-01T00:00:00Z"), null);

        String text = json.writeValueAsString(p);

        assertThat(text).contains("\"inStock\":true").contains("\"createdAt\":\"2026-01-01T00:00:00Z\"")
                .contains("\"currency\":\"USD\"").doesNotContain("categoryPathString");
        assertThat(json.readValue(text, Product.class)).isEqualTo(p);
    }

    @Test
    void normalisesNullCollectionsWithoutThrowing() {
        Product p = new Product("p", "t", null, null, null, null, null, null, true, null, null, null);

        assertThat(p.categoryPath()).isEmpty();
        assertThat(p.attributes()).isEmpty();
        assertThat(p.categoryPathString()).isEmpty();
    }

    @Test
    void joinsAndParsesCategoryPaths() {
        Product p = new Product("p", "t", null, null, List.of("Sports", "Basketball", "Shoes"), null, null, null,
                true, null, null, null);

        assertThat(p.categoryPathString()).isEqualTo("Sports > Basketball > Shoes");
        assertThat(Product.parseCategoryPath(" Sports>Basketball >  > Shoes ")).containsExactly("Sports",
                "Basketball", "Shoes");
        assertThat(Product.parseCategoryPath(null)).isEmpty();
        assertThat(Product.parseCategoryPath("  ")).isEmpty();
    }

    @Test
    void reportsEveryInvalidFieldThroughBeanValidation() {
        Product p = new Product(" ", "", null, null, Arrays.asList("Sports", " "), new BigDecimal("-1"), "dollars",
                null, true, null, null, null);

        Set<ConstraintViolation<Product>> violations = VALIDATOR.validate(p);

        assertThat(violations).extracting(v -> v.getPropertyPath().toString().replaceAll("\\[.*", ""))
                .contains("id", "title", "price", "currency", "categoryPath");
    }

    @Test
    void acceptsAValidProduct() {
        Product p = new Product("p-1", "Shoe", null, null, List.of("Sports"), BigDecimal.ZERO, "EUR", null, true,
                "de", null, null);

        assertThat(VALIDATOR.validate(p)).isEmpty();
    }

    @Test
    void rejectsAnIdLongerThan128Characters() {
        Product p = new Product("x".repeat(129), "Shoe", null, null, null, null, null, null, true, null, null,
                null);

        assertThat(VALIDATOR.validate(p)).extracting(v -> v.getPropertyPath().toString()).containsExactly("id");
    }
}
