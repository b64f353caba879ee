package dev.aisle.common.user;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A shopper known by id; anonymous visitors are known only by session.
 *
 * @param id         external user id, 1–128 characters
 * @param firstSeen  time of the first event, optional
 * @param attributes free-form attributes (country, segment …), possibly empty
 */
public record User(@NotBlank @Size(max = 128) String id, Instant firstSeen, Map<String, String> attributes) {

    public User {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
