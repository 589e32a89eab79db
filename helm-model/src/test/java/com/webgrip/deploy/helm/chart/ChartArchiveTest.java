package com.webgrip.deploy.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.helm.HelmInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartArchiveTest {
    @TempDir
    Path dir;

    private static byte[] tgz(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(data.length);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, String> chart(String name) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name + "/Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: 1.2.3\n");
        files.put(name + "/values.yaml", "replicas: 2\n");
        files.put(name + "/templates/deploy.yaml", "kind: Deployment\n");
        return files;
    }

    @Test
    void loadsAPackagedChartAndAPackagedSubchartFromAFolder() throws IOException {
        Chart packaged = Chart.loadArchive(new ByteArrayInputStream(tgz(chart("web"))), "web-1.2.3.tgz");
        assertThat(packaged.name()).isEqualTo("web");
        assertThat(packaged.values().get("replicas")).contains(2L);
        assertThat(packaged.templates()).containsExactly("templates/deploy.yaml");

        Path parent = Files.createDirectories(dir.resolve("app/charts"));
        Files.writeString(parent.resolve("../Chart.yaml"), "apiVersion: v2\nname: app\nversion: 0.1.0\n");
        Files.write(parent.resolve("web-1.2.3.tgz"), tgz(chart("web")));
        Files.createDirectories(parent.resolve("db"));
        Files.writeString(parent.resolve("db/Chart.yaml"), "apiVersion: v2\nname: db\nversion: 2.0.0\n");
        Files.createDirectories(parent.resolve("_ignored"));
        Chart app = Chart.load(dir.resolve("app"));
        assertThat(app.subcharts()).extracting(Chart::name).containsExactly("db", "web");
    }

    @Test
    void rejectsAnEntryThatClimbsOutOfTheChart() throws IOException {
        Map<String, String> files = chart("web");
        files.put("web/../../etc/passwd", "x");
        assertThatThrownBy(() -> Chart.loadArchive(new ByteArrayInputStream(tgz(files)), "evil.tgz"))
                .isInstanceOf(HelmInputException.class)
                .hasMessageContaining("parent directory");
    }

    @Test
    void rejectsAChartYamlOutsideTheChartFolderAndAnAbsolutePath() throws IOException {
        assertThatThrownBy(() ->
                        Chart.loadArchive(new ByteArrayInputStream(tgz(Map.of("Chart.yaml", "name: x\n"))), "flat.tgz"))
                .isInstanceOf(HelmInputException.class)
                .hasMessageContaining("not in base directory");
        Map<String, String> files = chart("web");
        files.put("web//abs", "x");
        assertThatThrownBy(() -> Chart.loadArchive(new ByteArrayInputStream(tgz(files)), "abs.tgz"))
                .isInstanceOf(HelmInputException.class)
                .hasMessageContaining("absolute");
    }

    @Test
    void rejectsAFileAboveTheSizeBoundBeforeReadingIt() throws IOException {
        Map<String, String> files = chart("web");
        files.put("web/big.bin", "a".repeat((int) ChartLoader.MAX_FILE_SIZE + 1));
        assertThatThrownBy(() -> Chart.loadArchive(new ByteArrayInputStream(tgz(files)), "big.tgz"))
                .isInstanceOf(HelmInputException.class)
                .hasMessageContaining("maximum file size");
    }

    @Test
    void rejectsWhatIsNotGzip() {
        assertThatThrownBy(() -> Chart.loadArchive(
                        new ByteArrayInputStream("apiVersion: v2\n".getBytes(StandardCharsets.UTF_8)), "x.tgz"))
                .isInstanceOf(HelmInputException.class)
                .hasMessageContaining("gzipped");
    }

    @Test
    void cleanFollowsGoPathClean() {
        assertThat(ChartArchive.clean("a/./b//c/")).isEqualTo("a/b/c");
        assertThat(ChartArchive.clean("a/../../b")).isEqualTo("../b");
        assertThat(ChartArchive.clean("")).isEqualTo(".");
    }

    @Test
    void aChartFolderWithoutChartYamlIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> Chart.load(dir.resolve("empty")))
                .isInstanceOf(HelmInputException.class)
                .hasMessageContaining("Chart.yaml file is missing");
    }

    @Test
    void aV1ChartTakesItsDependenciesFromRequirementsYaml() throws IOException {
        Path v1 = Files.createDirectories(dir.resolve("old"));
        Files.writeString(v1.resolve("Chart.yaml"), "name: old\nversion: 1.0.0\n");
        Files.writeString(v1.resolve("requirements.yaml"), "dependencies:\n- name: a\n  version: ~1.0\n");
        Chart chart = Chart.load(v1);
        assertThat(chart.metadata().apiVersion()).isEqualTo("v1");
        assertThat(chart.metadata().dependencies())
                .extracting(ChartDependency::name)
                .containsExactly("a");
    }

    @Test
    void metadataErrorsNameTheFileAndLine() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("Chart.yaml"), "apiVersion: v2\nname: bad\nversion: 1.x.y\n");
        assertThatThrownBy(() -> Chart.load(bad)).isInstanceOfSatisfying(HelmInputException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.source()).endsWith("Chart.yaml");
            assertThat(e.problem()).isEqualTo("chart.metadata.version \"1.x.y\" is invalid");
        });
    }
}
