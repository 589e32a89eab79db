package com.webgrip.deploy.helm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.platform.PlatformLayoutException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformChartsTest {
    @TempDir
    Path ops;

    private Path chart(String folder, String name, Map<String, String> annotations) throws IOException {
        Path dir = Files.createDirectories(ops.resolve("helm").resolve(folder));
        StringBuilder yaml = new StringBuilder("apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
        if (!annotations.isEmpty()) {
            yaml.append("annotations:\n");
            annotations.forEach((k, v) ->
                    yaml.append("  ").append(k).append(": \"").append(v).append("\"\n"));
        }
        Files.writeString(dir.resolve("Chart.yaml"), yaml.toString());
        return dir;
    }

    @Test
    void readsThePlatformOfTheProceduresInOrderWithNeedsReleaseAndNamespace() throws IOException {
        chart(
                "010-cert-manager",
                "cert-manager",
                Map.of("webgrip.com/needs", "007-cluster-monitoring", "webgrip.com/namespace", "cert-manager"));
        chart("005-tainters", "tainters", Map.of());
        chart("007-cluster-monitoring", "cluster-monitoring", Map.of("webgrip.com/needs", "005-tainters"));
        chart(
                "950-example-services",
                "example-services",
                Map.of(
                        "webgrip.com/needs", " 005-tainters,007-cluster-monitoring , 010-cert-manager",
                        "webgrip.com/release", "examples"));
        Files.writeString(ops.resolve("helm").resolve("README.md"), "not a chart");
        Files.createDirectories(ops.resolve("helm").resolve(".cache"));

        List<PlatformChart> charts = PlatformCharts.scan(ops.resolve("helm"));

        assertThat(charts).extracting(PlatformChart::order).containsExactly(5, 7, 10, 950);
        assertThat(charts)
                .extracting(PlatformChart::folderName)
                .containsExactly("005-tainters", "007-cluster-monitoring", "010-cert-manager", "950-example-services");
        PlatformChart certManager = charts.get(2);
        assertThat(certManager.name()).isEqualTo("cert-manager");
        assertThat(certManager.releaseName()).isEqualTo("cert-manager");
        assertThat(certManager.namespace()).contains("cert-manager");
        assertThat(certManager.needs()).containsExactly("007-cluster-monitoring");
        assertThat(certManager.chart().metadata().name()).isEqualTo("cert-manager");
        assertThat(certManager.dir()).isEqualTo(ops.resolve("helm").resolve("010-cert-manager"));
        PlatformChart examples = charts.get(3);
        assertThat(examples.needs()).containsExactly("005-tainters", "007-cluster-monitoring", "010-cert-manager");
        assertThat(examples.releaseName()).isEqualTo("examples");
        assertThat(examples.namespace()).isEmpty();
        assertThat(charts.get(0).needs()).isEmpty();
    }

    @Test
    void rejectsAFolderNameWithoutANumber() throws IOException {
        chart("cert-manager", "cert-manager", Map.of());
        assertThatThrownBy(() -> PlatformCharts.scan(ops.resolve("helm")))
                .isInstanceOfSatisfying(PlatformLayoutException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_FOLDER_NAME);
                    assertThat(e.getMessage()).contains("cert-manager").contains("NNN-name");
                });
    }

    @Test
    void rejectsAFolderNameWithUppercaseOrTwoDigits() throws IOException {
        chart("10-Cert", "cert", Map.of());
        assertThatThrownBy(() -> PlatformCharts.scan(ops.resolve("helm")))
                .isInstanceOfSatisfying(
                        PlatformLayoutException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_FOLDER_NAME));
    }

    @Test
    void rejectsTwoChartsWithOneNumberNamingBoth() throws IOException {
        chart("010-cert-manager", "cert-manager", Map.of());
        chart("010-issuers", "issuers", Map.of());
        assertThatThrownBy(() -> PlatformCharts.scan(ops.resolve("helm")))
                .isInstanceOfSatisfying(PlatformLayoutException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DUPLICATE_ORDER);
                    assertThat(e.getMessage()).contains("010-cert-manager").contains("010-issuers");
                });
    }

    @Test
    void rejectsAChartFolderWithoutChartYaml() throws IOException {
        Files.createDirectories(ops.resolve("helm").resolve("020-cluster-issuers"));
        assertThatThrownBy(() -> PlatformCharts.scan(ops.resolve("helm")))
                .isInstanceOfSatisfying(PlatformLayoutException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING_CHART_YAML);
                    assertThat(e.source()).endsWith("Chart.yaml");
                });
    }

    @Test
    void rejectsANeedThatIsNotAFolderNameWithTheAnnotationLine() throws IOException {
        chart("010-cert-manager", "cert-manager", Map.of("webgrip.com/needs", "cluster-monitoring"));
        assertThatThrownBy(() -> PlatformCharts.scan(ops.resolve("helm")))
                .isInstanceOfSatisfying(PlatformLayoutException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_NEEDS);
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("'cluster-monitoring'");
                });
    }

    @Test
    void rejectsANeedListedTwice() {
        assertThatThrownBy(() -> PlatformCharts.parseNeeds(Optional.of("005-a, 005-a"), "Chart.yaml"))
                .isInstanceOfSatisfying(
                        PlatformLayoutException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_NEEDS));
    }

    @Test
    void rejectsAReleaseNameHelmWouldRefuse() throws IOException {
        chart("010-cert-manager", "cert-manager", Map.of("webgrip.com/release", "Cert_Manager"));
        assertThatThrownBy(() -> PlatformCharts.scan(ops.resolve("helm")))
                .isInstanceOfSatisfying(PlatformLayoutException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_RELEASE_NAME);
                    assertThat(e.line()).isEqualTo(5);
                });
    }

    @Test
    void rejectsANamespaceThatIsNotALabel() throws IOException {
        chart("010-cert-manager", "cert-manager", Map.of("webgrip.com/namespace", "cert.manager"));
        assertThatThrownBy(() -> PlatformCharts.scan(ops.resolve("helm")))
                .isInstanceOfSatisfying(
                        PlatformLayoutException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_NAMESPACE));
    }

    @Test
    void reportsAMalformedChartYamlWithFileAndLine() throws IOException {
        Path dir = Files.createDirectories(ops.resolve("helm").resolve("010-cert-manager"));
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: x\nversion: [1\n");
        assertThatThrownBy(() -> PlatformCharts.scan(ops.resolve("helm")))
                .isInstanceOfSatisfying(HelmInputException.class, e -> {
                    assertThat(e.source()).endsWith("Chart.yaml");
                    assertThat(e.line()).isGreaterThanOrEqualTo(3);
                });
    }

    @Test
    void rejectsAMissingHelmFolder() {
        assertThatThrownBy(() -> PlatformCharts.scan(ops.resolve("nothing")))
                .isInstanceOfSatisfying(
                        PlatformLayoutException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MISSING_HELM_FOLDER));
    }

    @Test
    void validatesReleaseNamesAsHelmDoes() {
        assertThat(ReleaseNames.isValidReleaseName("cert-manager")).isTrue();
        assertThat(ReleaseNames.isValidReleaseName("a.b-c")).isTrue();
        assertThat(ReleaseNames.isValidReleaseName("a".repeat(53))).isTrue();
        assertThat(ReleaseNames.isValidReleaseName("a".repeat(54))).isFalse();
        assertThat(ReleaseNames.isValidReleaseName("-a")).isFalse();
        assertThat(ReleaseNames.isValidReleaseName("a-")).isFalse();
        assertThat(ReleaseNames.isValidReleaseName("A")).isFalse();
        assertThat(ReleaseNames.isValidReleaseName("")).isFalse();
        assertThat(ReleaseNames.isValidReleaseName("a_b")).isFalse();
    }
}
