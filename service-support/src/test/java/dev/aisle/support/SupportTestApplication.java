package dev.aisle.support;

import dev.aisle.support.error.NotFoundException;
import dev.aisle.support.error.ServiceUnavailableException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
class SupportTestApplication {

    record ItemRequest(@NotBlank String name, @PositiveOrZero double price) {}

    @RestController
    static class ProbeController {

        private final JdbcClient jdbc;

        ProbeController(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/db")
        Map<String, Object> db() {
            return Map.of("version", jdbc.sql("select version()").query(String.class).single());
        }

        @GetMapping("/items/{id}")
        Map<String, Object> item(@PathVariable String id) {
            throw new NotFoundException("No item with id " + id);
        }

        @GetMapping("/page")
        Map<String, Object> page(@RequestParam @Max(100) int size) {
            return Map.of("size", size);
        }

        @PostMapping("/items")
        Map<String, Object> create(@Valid @RequestBody ItemRequest item) {
            return Map.of("name", item.name());
        }

        @GetMapping("/model")
        Map<String, Object> model() {
            throw new ServiceUnavailableException("Model not trained yet", Duration.ofSeconds(12));
        }

        @GetMapping("/mdc")
        Map<String, Object> mdc() {
            return Map.of("requestId", MDC.get("requestId"));
        }

        @GetMapping("/bug")
        Map<String, Object> bug() {
            throw new IllegalStateException("secret internals");
        }
    }
}
