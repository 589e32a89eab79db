package com.webgrip.deploy.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.helm.HelmInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a chart folder through its .helmignore; {@code HelmIgnoreDifferentialTest} holds the same against Helm. */
class ChartFolderTest {
    @TempDir
    Path dir;

    private Path chart;

    @BeforeEach
    void writeChart() throws IOException {
        chart = Files.createDirectories(dir.resolve("app"));
        write("Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n");
        write("values.yaml", "a: 1\n");
        write("values.schema.json", "{}");
        write("Chart.lock", "dependencies: []\n");
        write("README.md", "read me\n");
        write("config/app.conf", "x\n");
        write("templates/deploy.yaml", "kind: Deployment\n");
        write("templates/.swp", "editor\n");
        write("templates/nested/.kept", "nested dot files are not Helm's default rule\n");
        write("charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.0.0\n");
        write("charts/db/.helmignore", "*.md\n");
        write("charts/db/NOTES.md", "kept: a subchart's own .helmignore does not count\n");
        write("charts/db-1.0.0.tgz.prov", "signature\n");
    }

    private void write(String name, String content) throws IOException {
        Path file = chart.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void listsTheOtherFilesAsHelmsDotFilesWithoutAnyHelmignore() throws IOException {
        Chart loaded = Chart.load(chart);
        assertThat(loaded.files()).containsExactly("README.md", "charts/db-1.0.0.tgz.prov", "config/app.conf");
        assertThat(loaded.templates()).containsExactly("templates/deploy.yaml", "templates/nested/.kept");
        assertThat(loaded.subcharts().get(0).files()).containsExactly(".helmignore", "NOTES.md");
    }

    @Test
    void leavesOutWhatTheHelmignoreMatchesItselfIncluded() throws IOException {
        write(".helmignore", "# editor files\n*.md\n/config/\n.helmignore\n");
        Chart loaded = Chart.load(chart);
        assertThat(loaded.files()).containsExactly("charts/db-1.0.0.tgz.prov");
        // The parent's rules are matched against the subchart's paths too (base names at any depth).
        assertThat(loaded.subcharts().get(0).files()).isEmpty();
    }

    @Test
    void neverEntersAnIgnoredFolder() throws IOException {
        // Reading this file would fail the load (over Helm's 5 MiB bound); ignored, it is never opened.
        write("big/blob.bin", "");
        Files.write(chart.resolve("big/blob.bin"), new byte[(int) ChartLoader.MAX_FILE_SIZE + 1]);
        assertThatThrownBy(() -> Chart.load(chart)).isInstanceOf(HelmInputException.class);
        write(".helmignore", "big/\n");
        assertThat(Chart.load(chart).files()).doesNotContain("big/blob.bin");
    }

    @Test
    void aNegatedRuleAloneLeavesOutChartYamlAsInHelm() throws IOException {
        write(".helmignore", "!README.md\n");
        assertThatThrownBy(() -> Chart.load(chart))
                .isInstanceOfSatisfying(
                        HelmInputException.class, e -> assertThat(e.problem()).isEqualTo("Chart.yaml file is missing"));
    }

    @Test
    void aBadHelmignoreIsAnErrorNamingItsLine() throws IOException {
        write(".helmignore", "*.md\nbuild/**\n");
        assertThatThrownBy(() -> Chart.load(chart)).isInstanceOfSatisfying(HelmInputException.class, e -> {
            assertThat(e.source()).endsWith(".helmignore");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.problem()).isEqualTo("double-star (**) syntax is not supported");
        });
    }

    @Test
    void keepsRequirementsInTheFilesOfAVersionOneChartOnly() throws IOException {
        write("requirements.yaml", "dependencies: []\n");
        assertThat(Chart.load(chart).files()).doesNotContain("requirements.yaml");
        write("Chart.yaml", "apiVersion: v1\nname: app\nversion: 1.0.0\n");
        assertThat(Chart.load(chart).files()).contains("requirements.yaml");
    }
}
