package dev.aisle.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessPolicyTests {

    @Test
    void treatsAnyAdminSegmentAsAdminPath() {
        assertThat(AccessPolicy.isAdmin("/api/v1/recommendations/admin/train")).isTrue();
        assertThat(AccessPolicy.isAdmin("/api/v1/catalog/admin")).isTrue();
        assertThat(AccessPolicy.isAdmin("/api/v1/analytics/kpis/admin/recompute")).isTrue();
        assertThat(AccessPolicy.isAdmin("/api/v1/catalog/products/administrator-chair")).isFalse();
        assertThat(AccessPolicy.isAdmin("/api/v1/search")).isFalse();
    }

    @Test
    void leavesOnlyHealthMetricsAndDocsOpen() {
        assertThat(AccessPolicy.isPublic("/actuator/health")).isTrue();
        assertThat(AccessPolicy.isPublic("/actuator/health/readiness")).isTrue();
        assertThat(AccessPolicy.isPublic("/actuator/prometheus")).isTrue();
        assertThat(AccessPolicy.isPublic("/v3/api-docs/search")).isTrue();
        assertThat(AccessPolicy.isPublic("/swagger-ui.html")).isTrue();
        assertThat(AccessPolicy.isPublic("/api/v1/search")).isFalse();
        assertThat(AccessPolicy.isPublic("/actuator/env")).isFalse();
    }

    @Test
    void hashesKeysWithSha256() {
        assertThat(CredentialStore.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
