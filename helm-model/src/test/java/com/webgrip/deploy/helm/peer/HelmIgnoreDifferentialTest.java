package com.webgrip.deploy.helm.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.chart.Chart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Differential proof of .helmignore: for generated rule files over one chart folder (with a subchart that has a
 * .helmignore of its own), real Helm's {@code template} renders exactly the templates we load, each one sees exactly
 * the {@code .Files} we list for its chart, and Helm refuses to load the chart exactly when we do.
 */
class HelmIgnoreDifferentialTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String PROBE = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: t{{ .Template.Name | sha256sum | trunc 12 }}
            data:
              template: {{ .Template.Name | quote }}
              files: "{{ range $name, $_ := .Files }}{{ $name }};{{ end }}"
            """;
    private static final List<String> TREE = List.of(
            "templates/a.yaml",
            "templates/b.yaml",
            "templates/sub/c.yaml",
            "templates/sub/.deep.yaml",
            "templates/.hidden.yaml",
            "README.md",
            "a.txt",
            "keep.txt",
            "b.cfg",
            ".hidden",
            "docs/x.txt",
            "docs/y.md",
            "conf/app.cfg",
            "conf/nested/b.cfg",
            "charts/sub/templates/s.yaml",
            "charts/sub/NOTES.md",
            "charts/sub/files/z.txt",
            "charts/sub-0.1.0.tgz.prov");
    private static final List<String> RULES = List.of(
            "*.txt",
            "/a.txt",
            "docs/",
            "docs",
            "conf/*.cfg",
            "/conf/nested",
            "*.md",
            "!keep.txt",
            "!*.yaml",
            "templates/b.yaml",
            "templates/sub/",
            "[ab].cfg",
            "?.txt",
            "# *.yaml",
            "",
            "  *.cfg  ",
            "charts/sub/templates/*",
            "b.*",
            "[^a].yaml",
            "[!a]*.cfg",
            "sub",
            ".hidden",
            "values.yaml",
            ".helmignore",
            "*/x.txt",
            "/*.cfg",
            "\\a.txt",
            "*.prov",
            "Chart.yaml",
            "x*[",
            "docs/**");

    @BeforeProperty
    void requireHelm() {
        RealHelm.require();
    }

    @Property(tries = 60)
    void helmLoadsTheFilesWeLoad(@ForAll("ignoreFiles") List<String> rules) throws IOException {
        Path dir = Files.createTempDirectory("helmignore");
        try {
            Path chart = writeChart(dir, String.join("\n", rules) + "\n");
            String rendered;
            try {
                rendered = new Helm(chart).template().withName("rel").call();
            } catch (RuntimeException helmRefused) {
                Statistics.collect("helm refused the chart");
                assertThatThrownBy(() -> Chart.load(chart))
                        .as("Helm refused (%s), so must we", helmRefused.getMessage())
                        .isInstanceOf(HelmInputException.class);
                return;
            }
            Chart ours = Chart.load(chart);
            Map<String, String> expected = new TreeMap<>();
            expectTemplates(ours, "parent/", expected);
            Map<String, String> helm = renderedTemplates(rendered);
            Statistics.collect(helm.size() + " templates rendered");
            assertThat(helm).as("rules %s", rules).isEqualTo(expected);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Template name as Helm reports it, mapped to the {@code .Files} list its chart has. */
    private static void expectTemplates(Chart chart, String prefix, Map<String, String> out) {
        String files = String.join(";", chart.files()) + (chart.files().isEmpty() ? "" : ";");
        for (String template : chart.templates()) {
            out.put(prefix + template, files);
        }
        for (Chart sub : chart.subcharts()) {
            expectTemplates(sub, prefix + "charts/" + sub.name() + "/", out);
        }
    }

    private static Map<String, String> renderedTemplates(String rendered) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (rendered == null) {
            return out;
        }
        try (YAMLParser parser = new YAMLFactory().createParser(rendered)) {
            for (Object doc : YAML.readValues(parser, Object.class).readAll()) {
                if (doc instanceof Map<?, ?> m && m.get("data") instanceof Map<?, ?> data) {
                    Object files = data.get("files");
                    out.put((String) data.get("template"), files == null ? "" : files.toString());
                }
            }
        }
        return out;
    }

    private static Path writeChart(Path dir, String helmignore) throws IOException {
        Path chart = Files.createDirectories(dir.resolve("parent"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: parent\nversion: 1.0.0\n");
        Files.writeString(chart.resolve("values.yaml"), "a: 1\n");
        Files.writeString(chart.resolve(".helmignore"), helmignore);
        Path sub = Files.createDirectories(chart.resolve("charts/sub"));
        Files.writeString(sub.resolve("Chart.yaml"), "apiVersion: v2\nname: sub\nversion: 0.1.0\n");
        Files.writeString(sub.resolve(".helmignore"), "*.md\nfiles/\n");
        for (String file : TREE) {
            Path path = chart.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.contains("templates/") ? PROBE : "content of " + file + "\n");
        }
        return chart;
    }

    @Provide
    Arbitrary<List<String>> ignoreFiles() {
        return Arbitraries.of(RULES).list().ofMaxSize(4);
    }
}
