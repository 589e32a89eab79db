package com.webgrip.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan} and {@code validate} on the example platform and on broken trees. */
class PlanCommandsTest {
    static final Path OPS = Path.of("..", "examples", "ops");

    @TempDir
    Path dir;

    private Path chart(String folder, String needs) throws IOException {
        Path chart = dir.resolve("ops/helm/" + folder);
        Files.createDirectories(chart);
        Files.writeString(
                chart.resolve("Chart.yaml"),
                "apiVersion: v2\nname: " + folder.substring(4) + "\nversion: 1.0.0\n"
                        + (needs.isEmpty() ? "" : "annotations:\n  webgrip.com/needs: " + needs + "\n"));
        return chart;
    }

    @Test
    void plansTheExamplePlatformAsJsonWavesInOrder() throws Exception {
        CliHarness.Result result = new CliHarness().run("plan", OPS.toString(), "--env", "staging", "--output", "json");

        assertThat(result.status()).as(result.stderr()).isZero();
        JsonNode waves = new ObjectMapper().readTree(result.stdout()).get("waves");
        List<List<String>> charts = new ArrayList<>();
        waves.forEach(wave -> {
            List<String> names = new ArrayList<>();
            wave.forEach(step -> names.add(step.get("chart").asText()));
            charts.add(names);
        });
        assertThat(charts)
                .containsExactly(
                        List.of("005-tainters"),
                        List.of("007-cluster-monitoring"),
                        List.of("010-cert-manager", "060-grafana-stack"),
                        List.of("020-cluster-issuers"),
                        List.of("030-ingress-controllers"),
                        List.of("040-gha-runners-controller"),
                        List.of("045-gha-runners"),
                        List.of("950-example-services"));
        assertThat(waves.get(2).get(0).get("release").asText()).isEqualTo("cert-manager");
    }

    @Test
    void selectsARangeWithoutNeedsAndReportsTheDroppedOnes() {
        CliHarness.Result result = new CliHarness()
                .run("plan", OPS.toString(), "--env", "production", "--select", "020-030", "--no-needs");

        assertThat(result.status()).isZero();
        assertThat(result.stdoutText())
                .startsWith("Plan for environment production: 2 steps in 2 waves\n")
                .contains("Dropped need (not deployed by this plan): 020-cluster-issuers needs 010-cert-manager");
    }

    @Test
    void writesMermaidAndDot() {
        assertThat(new CliHarness()
                        .run("plan", OPS.toString(), "--env", "staging", "-o", "mermaid")
                        .stdoutText())
                .startsWith("flowchart LR\n");
        assertThat(new CliHarness()
                        .run("plan", OPS.toString(), "--env", "staging", "-o", "dot")
                        .stdoutText())
                .startsWith("digraph plan {\n");
    }

    @Test
    void exitsNonZeroWithTheCycleOnStandardError() throws Exception {
        chart("010-cert-manager", "020-cluster-issuers");
        chart("020-cluster-issuers", "010-cert-manager");

        CliHarness.Result result =
                new CliHarness().run("plan", dir.resolve("ops").toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.stderr()).contains("010-cert-manager → 020-cluster-issuers → 010-cert-manager");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void exitsNonZeroOnAMissingNeedAndADuplicateNumber() throws Exception {
        chart("020-cluster-issuers", "011-cert-manager");
        CliHarness.Result missing =
                new CliHarness().run("plan", dir.resolve("ops").toString());
        chart("020-other", "");
        CliHarness.Result duplicate =
                new CliHarness().run("validate", dir.resolve("ops").toString(), "--no-render");

        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.stderr()).contains("chart 020-cluster-issuers needs 011-cert-manager");
        assertThat(duplicate.status()).isEqualTo(1);
        assertThat(duplicate.stderr()).contains("expected one chart per order number, found 020");
    }

    @Test
    void validatesTheExamplePlatformWithTheDemoKey() {
        CliHarness.Result result = new CliHarness()
                .environment(Map.of(
                        "SOPS_AGE_KEY_FILE", OPS.resolve("demo-age-key.txt").toString()))
                .run("validate", OPS.toString(), "--env", "production");

        assertThat(result.status()).as(result.stdoutText() + result.stderr()).isZero();
        assertThat(result.stdoutText()).contains("PASSED: environment production, 10 checks, 0 errors, 0 warnings");
    }

    @Test
    void validateExitsTwoOnAnErrorFinding() throws Exception {
        Path chart = chart("005-tainters", "");
        Files.writeString(chart.resolve("values.yaml"), "aws:\n  key: AKIAQWERTYUIOPASDFGH\n");

        CliHarness.Result result =
                new CliHarness().run("validate", dir.resolve("ops").toString(), "--no-render", "-o", "json");

        assertThat(result.status()).isEqualTo(ValidateCommand.FINDINGS);
        assertThat(new ObjectMapper().readTree(result.stdout()).get("passed").asBoolean())
                .isFalse();
        assertThat(result.stdoutText())
                .contains("\"check\" : \"clear-text-secret\"")
                .doesNotContain("AKIAQWERTY");
    }

    @Test
    void rejectsAnUnknownEnvironmentNamingTheKnownOnes() {
        CliHarness.Result result = new CliHarness().run("plan", OPS.toString(), "--env", "qa");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.stderr())
                .contains("no environment 'qa'; known environments: development, staging, production");
    }
}
