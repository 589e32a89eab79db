package com.webgrip.deploy.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.health.HealthReport;
import com.webgrip.deploy.core.health.HealthStatus;
import com.webgrip.deploy.core.health.Reasons;
import com.webgrip.deploy.core.health.ResourceHealth;
import com.webgrip.deploy.core.health.ResourceRef;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksKnownSecretValuesLongestFirst() {
        Redactor redactor = Redactor.of(Set.of("hunter2", "hunter2-and-more"));

        assertThat(redactor.redact("Invalid value: \"hunter2-and-more\"; also hunter2; and xhunter2x"))
                .isEqualTo("Invalid value: \"[redacted]\"; also [redacted]; and x[redacted]x");
    }

    @Test
    void masksAShortSecretWhereItStandsAsAWholeToken() {
        Redactor redactor = Redactor.of(Set.of("abc", "42", "on", "7"));

        assertThat(redactor.redact("Invalid value: \"abc\"; pin=42, port 7 (abc-7); turned on"))
                .isEqualTo("Invalid value: \"[redacted]\"; pin=[redacted], port [redacted] ([redacted]-[redacted]);"
                        + " turned [redacted]");
    }

    @Test
    void leavesAShortSecretAloneInsideALongerWordOrNumber() {
        Redactor redactor = Redactor.of(Set.of("abc", "42", "on"));
        String text = "configuration abcd xabc abc_def 4242";

        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void masksALongSecretThatContainsAShortOneWhole() {
        Redactor redactor = Redactor.of(Set.of("ab", "ab cd ef"));

        assertThat(redactor.redact("value \"ab cd ef\" then ab")).isEqualTo("value \"[redacted]\" then [redacted]");
    }

    @Test
    void masksTheMessagesOfAHealthReport() {
        ResourceRef pod = ResourceRef.of("Pod", "ns", "db-0");
        HealthReport report = HealthReport.of(
                ResourceHealth.of(pod, HealthStatus.FAILED, Reasons.CHECK_FAILED, "exec: psql -W s3cr3t-pass: 42 on"),
                ResourceHealth.current(ResourceRef.of("Service", "ns", "db")));

        HealthReport redacted = Redactor.of(Set.of("s3cr3t-pass", "42")).redact(report);

        assertThat(redacted.resources().get(0))
                .isEqualTo(ResourceHealth.of(
                        pod, HealthStatus.FAILED, Reasons.CHECK_FAILED, "exec: psql -W [redacted]: [redacted] on"));
        assertThat(redacted.resources().get(1)).isEqualTo(report.resources().get(1));
        assertThat(redacted.summary()).doesNotContain("s3cr3t-pass").contains("FAILED");
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
