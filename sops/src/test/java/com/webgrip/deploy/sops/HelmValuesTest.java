package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A values file decrypts straight into plain, dependency-free values in document order. */
class HelmValuesTest {

    @Test
    void decryptValuesGivesAnOrderedPlainTreeWithTypedScalars() throws Exception {
        Map<String, Object> values = AgeFixturesTest.decryptorFor("npm-sops-age/key.txt")
                .decryptValues(Fixtures.path("npm-sops-age/tests/data/secret.enc.yaml"));

        assertThat(values.keySet()).containsExactly("secret", "string", "int", "float", "boolean", "complex");
        assertThat(values.get("int")).isEqualTo(7L);
        assertThat(values.get("float")).isEqualTo(3.14);
        assertThat(values.get("boolean")).isEqualTo(true);
        assertThat(values.get("complex"))
                .isEqualTo(Map.of("value", "this is a secret", "array", List.of("one", "two", "three")));
        assertThat(values.getClass().getName()).startsWith("java.util.");
    }
}
