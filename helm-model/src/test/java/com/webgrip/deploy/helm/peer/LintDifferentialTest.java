package com.webgrip.deploy.helm.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.webgrip.deploy.helm.chart.ChartLint;
import com.webgrip.deploy.helm.chart.LintFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken Chart.yaml and values files: our findings must be exactly what real {@code helm lint} prints. */
class LintDifferentialTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "apiVersion: v2\nname: ok\nversion: 1.0.0\n",
                "apiVersion: v2\nname: ok\nversion: 1.0.0\nicon: https://example.com/i.png\n",
                "apiVersion: v3\nname: ok\nversion: 1.0.0\n",
                "name: ok\nversion: 1.0.0\n",
                "apiVersion: v2\nname: ok\nversion: 1.0\nappVersion: 2\n",
                "apiVersion: v2\nname: ok\nversion: nope\n",
                "apiVersion: v1\nname: ok\nversion: 1.0.0\ntype: application\n",
                "apiVersion: v2\nname: ok\nversion: 1.0.0\nicon: not a url\nsources: [ftp://x.org/a]\n",
                "apiVersion: v2\nname: ok\nversion: 1.0.0\nmaintainers:\n- name: a\n  email: not-an-email\n",
                "apiVersion: v2\nname: ok\nversion: 1.0.0\nmaintainers:\n- email: a@b.org\n",
                "apiVersion: v2\nname: ok\nversion: v1.2.3-rc.1+build\ndependencies:\n- name: dep\n  version: ^1\n"
            })
    void ourFindingsAreHelmLintFindings(String chartYaml) throws IOException {
        RealHelm.require();
        Path chart = Files.createDirectories(dir.resolve("ok"));
        Files.writeString(chart.resolve("Chart.yaml"), chartYaml);
        Files.writeString(chart.resolve("values.yaml"), "replicas: 1\n");
        Set<String> ours = ChartLint.lint(chart).stream()
                .map(LintFinding::toHelmString)
                .map(LintDifferentialTest::firstLine)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> helm = new Helm(chart)
                .lint().call().getMessages().stream()
                        .map(String::strip)
                        .filter(m -> m.startsWith("["))
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(ours).isEqualTo(helm);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*.md\n",
                "foo/**/bar\n",
                "# fine\n[a\n",
                "Chart.yaml\n",
                "!keep.txt\n",
                "templates\n",
                "values.yaml\n",
                "charts/\n",
                "x*[\n"
            })
    void aHelmignoreChangesOurFindingsAsItChangesHelmLints(String helmignore) throws IOException {
        RealHelm.require();
        Path chart = Files.createDirectories(dir.resolve("ok"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: ok\nversion: 1.0.0\n");
        Files.writeString(chart.resolve("values.yaml"), "replicas: 1\n");
        Files.writeString(chart.resolve(".helmignore"), helmignore);
        Files.writeString(chart.resolve("keep.txt"), "kept\n");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("templates/cm.yaml"), HelmTemplateOutput.probeTemplate());
        Path sub = Files.createDirectories(chart.resolve("charts/sub"));
        Files.writeString(sub.resolve("Chart.yaml"), "apiVersion: v2\nname: sub\nversion: 1.0.0\n");
        assertThat(ours(chart)).as(helmignore).isEqualTo(helm(chart));
    }

    private static Set<String> ours(Path chart) throws IOException {
        return ChartLint.lint(chart).stream()
                .map(LintFinding::toHelmString)
                .map(LintDifferentialTest::firstLine)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> helm(Path chart) {
        return new Helm(chart)
                .lint().call().getMessages().stream()
                        .map(String::strip)
                        .filter(m -> m.startsWith("["))
                        .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Helm prints a wrapped cause on the lines after a finding; helm-java returns them as separate lines. */
    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
