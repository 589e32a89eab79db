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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One budget for a whole load: nested archives and subchart folders at any depth draw on the bytes and files of the
 * top chart, and nesting stops at {@link LoadBudget#MAX_DEPTH}. The byte and file bounds are lowered through
 * {@link LoadBudget}'s package-private constructor so that the archives built here stay a few kilobytes.
 */
class ChartLoadBudgetTest {
    private static final int SUBCHART_BYTES = 12 * 1024;
    private static final long BUDGET_BYTES = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void nestedArchivesTogetherExceedingTheByteBudgetAreRefusedThoughEachFitsAlone() throws IOException {
        byte[] oneSubchart = tgz("app", parent("app", Map.of("s0.tgz", bigSubchart("s0"))));
        assertThat(ChartLoader.loadArchive(in(oneSubchart), "app.tgz", bytesBudget())
                        .subcharts())
                .hasSize(1);

        Map<String, byte[]> eight = new LinkedHashMap<>();
        IntStream.range(0, 8).forEach(i -> eight.put("s" + i + ".tgz", bigSubchart("s" + i)));
        byte[] app = tgz("app", parent("app", eight));
        // 8 x 12 KiB: each archive fits 64 KiB alone; only a shared budget sees the 96 KiB they hold together.
        assertThat(app.length).isLessThan(4096);
        assertThatThrownBy(() -> ChartLoader.loadArchive(in(app), "app.tgz", bytesBudget()))
                .isInstanceOfSatisfying(HelmInputException.class, e -> {
                    assertThat(e.source()).matches("app\\.tgz/charts/s[0-7]\\.tgz");
                    assertThat(e.problem())
                            .isEqualTo("decompressed chart, subcharts included, is larger than the maximum size "
                                    + BUDGET_BYTES + " bytes");
                });
    }

    @Test
    void aFolderSharesItsBudgetWithTheArchivesInsideItsSubchartFolders() throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n");
        Files.write(app.resolve("big.txt"), "x".repeat(SUBCHART_BYTES).getBytes(StandardCharsets.UTF_8));
        Path db = Files.createDirectories(app.resolve("charts/db"));
        Files.writeString(db.resolve("Chart.yaml"), "apiVersion: v2\nname: db\nversion: 1.0.0\n");
        Path nested = Files.createDirectories(db.resolve("charts"));
        Files.write(nested.resolve("s0.tgz"), bigSubchart("s0"));
        assertThat(ChartLoader.load(app, bytesBudget()).subcharts().get(0).subcharts())
                .hasSize(1);

        for (int i = 1; i < 5; i++) {
            Files.write(nested.resolve("s" + i + ".tgz"), bigSubchart("s" + i));
        }
        assertThatThrownBy(() -> ChartLoader.load(app, bytesBudget()))
                .isInstanceOfSatisfying(HelmInputException.class, e -> {
                    assertThat(e.source()).startsWith(db.resolve("charts") + "/s");
                    assertThat(e.problem()).contains("subcharts included");
                });
    }

    @Test
    void aFolderBeyondTheByteBudgetIsRefusedNamingTheFileThatCrossesIt() throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n");
        Path db = Files.createDirectories(app.resolve("charts/db"));
        Files.writeString(db.resolve("Chart.yaml"), "apiVersion: v2\nname: db\nversion: 1.0.0\n");
        for (int i = 0; i < 6; i++) {
            Files.write(db.resolve("f" + i + ".txt"), utf8("x".repeat(SUBCHART_BYTES)));
        }
        // 6 x 12 KiB fit the 64 KiB budget only without the sixth file, read last in lexical order.
        assertThatThrownBy(() -> ChartLoader.load(app, bytesBudget()))
                .isInstanceOfSatisfying(HelmInputException.class, e -> {
                    assertThat(e.source()).isEqualTo(db.resolve("f5.txt").toString());
                    assertThat(e.problem()).contains("subcharts included");
                });
        Files.delete(db.resolve("f5.txt"));
        assertThat(ChartLoader.load(app, bytesBudget()).subcharts()).hasSize(1);
    }

    @Test
    void nestedArchivesTogetherExceedingTheFileBudgetAreRefused() throws IOException {
        Map<String, byte[]> four = new LinkedHashMap<>();
        IntStream.range(0, 4).forEach(i -> four.put("s" + i + ".tgz", tgz("s" + i, fiveTemplates("s" + i))));
        byte[] app = tgz("app", parent("app", four));
        // The top archive holds 5 entries and each nested one 6: 11 alone, 29 together.
        assertThatThrownBy(() -> ChartLoader.loadArchive(in(app), "app.tgz", new LoadBudget(1 << 20, 20, 16)))
                .isInstanceOfSatisfying(HelmInputException.class, e -> {
                    assertThat(e.source()).matches("app\\.tgz/charts/s[0-3]\\.tgz");
                    assertThat(e.problem()).isEqualTo("more than 20 files in the chart and its subcharts together");
                });
        byte[] one = tgz("app", parent("app", Map.of("s0.tgz", four.get("s0.tgz"))));
        assertThat(ChartLoader.loadArchive(in(one), "app.tgz", new LoadBudget(1 << 20, 20, 16))
                        .subcharts())
                .hasSize(1);
    }

    @Test
    void archivesNestedDeeperThanTheCapAreAnErrorNamingTheNestedPath() throws IOException {
        Chart sixteen = Chart.loadArchive(in(nestedArchives(LoadBudget.MAX_DEPTH)), "deep.tgz");
        Chart deepest = sixteen;
        for (int level = 1; level <= LoadBudget.MAX_DEPTH; level++) {
            deepest = deepest.subcharts().get(0);
        }
        assertThat(deepest.name()).isEqualTo("c16");

        String path = IntStream.rangeClosed(1, LoadBudget.MAX_DEPTH + 1)
                .mapToObj(level -> "/charts/c" + level + ".tgz")
                .collect(Collectors.joining("", "deep.tgz", ""));
        assertThatThrownBy(() -> Chart.loadArchive(in(nestedArchives(LoadBudget.MAX_DEPTH + 1)), "deep.tgz"))
                .isInstanceOfSatisfying(HelmInputException.class, e -> {
                    assertThat(e.source()).isEqualTo(path);
                    assertThat(e.problem()).startsWith("subcharts nested more than 16 levels deep");
                });
    }

    @Test
    void subchartFoldersNestedDeeperThanTheCapAreAnErrorNamingTheNestedPath() throws IOException {
        Path top = Files.createDirectories(dir.resolve("top"));
        Path chart = top;
        for (int level = 0; level <= LoadBudget.MAX_DEPTH + 1; level++) {
            Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: a\nversion: 1.0.0\n");
            chart = Files.createDirectories(chart.resolve("charts/a"));
        }
        String path = top + "/charts/a".repeat(LoadBudget.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Chart.load(top))
                .isInstanceOfSatisfying(
                        HelmInputException.class, e -> assertThat(e.source()).isEqualTo(path));
    }

    private static LoadBudget bytesBudget() {
        return new LoadBudget(BUDGET_BYTES, ChartLoader.MAX_FILES, LoadBudget.MAX_DEPTH);
    }

    /** A chart {@code c0} holding {@code c1.tgz} holding ... {@code c<levels>.tgz}. */
    private static byte[] nestedArchives(int levels) {
        byte[] inner = tgz("c" + levels, chartYaml("c" + levels));
        for (int level = levels - 1; level >= 0; level--) {
            inner = tgz("c" + level, parent("c" + level, Map.of("c" + (level + 1) + ".tgz", inner)));
        }
        return inner;
    }

    private static Map<String, byte[]> chartYaml(String name) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Chart.yaml", utf8("apiVersion: v2\nname: " + name + "\nversion: 1.0.0\n"));
        return files;
    }

    private static Map<String, byte[]> parent(String name, Map<String, byte[]> subchartArchives) {
        Map<String, byte[]> files = chartYaml(name);
        subchartArchives.forEach((archive, bytes) -> files.put("charts/" + archive, bytes));
        return files;
    }

    /** A subchart of 12 KiB decompressed that compresses to a few dozen bytes. */
    private static byte[] bigSubchart(String name) {
        Map<String, byte[]> files = chartYaml(name);
        files.put("big.txt", utf8("x".repeat(SUBCHART_BYTES)));
        return tgz(name, files);
    }

    private static Map<String, byte[]> fiveTemplates(String name) {
        Map<String, byte[]> files = chartYaml(name);
        IntStream.range(0, 5).forEach(i -> files.put("templates/t" + i + ".yaml", utf8("kind: ConfigMap\n")));
        return files;
    }

    /** A packaged chart: every file under the folder {@code name/}, as {@code helm package} writes it. */
    private static byte[] tgz(String name, Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(name + "/" + e.getKey(), true);
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static ByteArrayInputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
