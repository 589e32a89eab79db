package com.webgrip.deploy.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksKnownSecretValuesLongestFirst() {
        Redactor redactor = Redactor.of(Set.of("hunter2", "hunter2-and-more", "on"));

        assertThat(redactor.redact("Invalid value: \"hunter2-and-more\"; also hunter2; turned on"))
                .isEqualTo("Invalid value: \"[redacted]\"; also [redacted]; turned on");
    }

    @Test
    void masksSopsValuesAgeKeysAndPrivateKeyBlocksWithoutKnowingThem() {
        String text = "bad ENC[AES256_GCM,data:abc=,iv:x=,tag:y=,type:str] key AGE-SECRET-KEY-1QQQQQQQQQQQ"
                + " pem -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY----- done";

        assertThat(Redactor.PATTERNS.redact(text))
                .isEqualTo("bad [redacted] key [redacted] pem [redacted] done")
                .doesNotContain("abc=", "QQQQ", "b3BlbnNzaA");
    }

    @Test
    void cutsLongTextShort() {
        assertThat(Redactor.PATTERNS.redact("x".repeat(10_000))).hasSize(Redactor.MAX_LENGTH + 3);
    }

    @Test
    void findsTheLeavesThatDifferFromTheMaskedValues() {
        Map<String, Object> resolved = Map.of(
                "db", Map.of("password", "s3cr3t-pass", "host", "db.internal"), "tokens", List.of("tok-1234", "x"));
        Map<String, Object> masked = Map.of(
                "db", Map.of("password", "<secret string>", "host", "db.internal"),
                "tokens", List.of("<secret string>", "x"));
        Set<String> secrets = new HashSet<>();

        Redactor.collectSecretLeaves(resolved, masked, secrets);

        assertThat(secrets).containsExactlyInAnyOrder("s3cr3t-pass", "tok-1234");
    }
}
