package com.webgrip.deploy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.check.Finding;
import com.webgrip.deploy.core.check.Severity;
import com.webgrip.deploy.core.check.ValidationReport;
import com.webgrip.deploy.core.check.Validator;
import com.webgrip.deploy.core.platform.Platform;
import com.webgrip.deploy.core.platform.SopsSecrets;
import com.webgrip.deploy.kubernetes.HelmManifestRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates examples/ops with real Helm rendering and the demo key: it passes; broken copies (made
 * in a temporary folder) fail with the finding that names what was broken.
 */
class ExampleValidationTest {
    static final Path OPS = Path.of("ops");

    @TempDir
    Path dir;

    static ValidationReport validate(Path ops, String environment) throws IOException {
        return Validator.builder(Platform.load(ops))
                .environment(environment)
                .renderer(new HelmManifestRenderer())
                .decryptor(SopsSecrets.withIdentityFile(ops.resolve("demo-age-key.txt")))
                .build()
                .validate();
    }

    private Path copy() throws IOException {
        Path target = dir.resolve("ops");
        try (Stream<Path> walk = Files.walk(OPS)) {
            for (Path source : walk.toList()) {
                Path to = target.resolve(OPS.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(source, to);
                }
            }
        }
        return target;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void theExamplePlatformPassesInEveryEnvironment() throws IOException {
        for (String environment : new String[] {"development", "staging", "production"}) {
            ValidationReport report = validate(OPS, environment);

            assertThat(report.passed()).as(report.toString()).isTrue();
            assertThat(report.bySeverity(Severity.WARNING))
                    .as(report.toString())
                    .isEmpty();
        }
    }

    @Test
    void failsWhenATemplateDropsItsProbesAndLimits() throws IOException {
        Path ops = copy();
        Path deployment = ops.resolve("helm/030-ingress-controllers/templates/deployment.yaml");
        replace(deployment, "          readinessProbe:", "          startupProbe:");
        replace(deployment, "            {{- toYaml .Values.resources | nindent 12 }}", "            {}");

        ValidationReport report = validate(ops, "staging");

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).extracting(Finding::checkId).contains("probes", "resources");
        assertThat(report.byCheck("probes"))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .isEqualTo(
                                "Deployment/ingress-controllers: container ingress-controllers has no readinessProbe"));
    }

    @Test
    void failsOnALatestImageAndAClearTextToken() throws IOException {
        Path ops = copy();
        replace(ops.resolve("helm/045-gha-runners/values.yaml"), "tag: \"1.0.0\"", "tag: latest");
        Files.writeString(
                ops.resolve("helm/045-gha-runners/values-staging.yaml"),
                "github:\n  token: ghp_" + "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2\n");

        ValidationReport report = validate(ops, "staging");

        assertThat(report.errors()).extracting(Finding::checkId).contains("image-tag", "clear-text-secret");
        assertThat(report.toString()).doesNotContain("Ab1Cd2Ef3Gh4");
    }

    @Test
    void failsOnASecretsFileEditedByHandAndOneForTheWrongRecipient() throws IOException {
        Path ops = copy();
        Path shared = ops.resolve("secrets/060-grafana-stack/values.sops.yaml");
        // sops.lastmodified is the MAC's associated data: editing it by hand breaks the MAC.
        replace(shared, "lastmodified: \"", "lastmodified: \"1");
        Path production = ops.resolve("secrets/060-grafana-stack/production.sops.yaml");
        String demoKey = "age1glagg3nkmmelz5z2rut4wr5t9gdhn5cq7fuzq0z9l93lmfzg4phqjydzgl";
        replace(
                production,
                "recipient: " + demoKey,
                "recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p");

        ValidationReport report = validate(ops, "production");

        assertThat(report.byCheck("sops"))
                .extracting(f -> f.file().orElseThrow().getFileName() + ": " + f.message())
                .anyMatch(m -> m.startsWith("values.sops.yaml: does not open with a valid MAC"))
                .contains("production.sops.yaml: not encrypted for " + demoKey
                        + ", which an environment reading this file lists")
                .contains("production.sops.yaml: also encrypted for"
                        + " age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p, which no environment"
                        + " reading this file lists");
    }

    @Test
    void failsOnAPolicyMissingInANamespace() throws IOException {
        Path ops = copy();
        Files.delete(ops.resolve("helm/950-example-services/templates/networkpolicy.yaml"));

        ValidationReport report = validate(ops, "staging");

        assertThat(report.byCheck("network-policy"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("namespace apps runs Deployment/example-services"));
    }
}
