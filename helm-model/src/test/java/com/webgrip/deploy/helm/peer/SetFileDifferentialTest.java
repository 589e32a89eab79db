package com.webgrip.deploy.helm.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import com.webgrip.deploy.helm.chart.Chart;
import com.webgrip.deploy.helm.chart.ChartValues;
import com.webgrip.deploy.helm.values.UserValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --set-file} against real Helm 3.21 (helm-java hands it to Helm's own {@code values.Options}): file contents
 * as strings, keys nested into the chart's defaults, list indexes, odd file names, and --set-file winning over
 * --set for the same key.
 */
class SetFileDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What helm-java escapes in a value before Helm's parser reads it; we escape the same way. */
    private static final String ESCAPED = "\"'\\={[,.]}";

    @TempDir
    Path dir;

    private Path chart;

    @BeforeEach
    void writeChart() throws IOException {
        RealHelm.require();
        chart = Files.createDirectories(dir.resolve("parent"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: parent\nversion: 1.0.0\n");
        Files.writeString(chart.resolve("values.yaml"), "a: {b: 1, keep: x}\nlist: [1]\n");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("templates/values.yaml"), HelmTemplateOutput.probeTemplate());
    }

    @ParameterizedTest(name = "--set-file {0}=<{1}> over --set {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "cert|tls.pem|''",
                "a.b|flag.txt|a.b=7",
                "a.c|number.txt|''",
                "list[1]|empty.txt|''",
                "list[0].x|yaml.txt|''",
                "odd|we,ird.name=1.txt|odd=1",
                "a|yaml.txt|a.b=2"
            })
    void helmSetsWhatWeSet(String key, String fileName, String set) throws IOException {
        Map<String, String> contents = Map.of(
                "tls.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                "flag.txt", "true",
                "number.txt", "0123\n",
                "empty.txt", "",
                "yaml.txt", "a: {b: 1}\n",
                "we,ird.name=1.txt", "odd name\n");
        Path file =
                Files.writeString(dir.resolve(fileName), contents.get(fileName)).toAbsolutePath();
        TemplateCommand template = new Helm(chart).template().withName("rel").setFile(key, file);
        UserValues.Builder user = UserValues.builder();
        if (!set.isEmpty()) {
            String[] pair = set.split("=", 2);
            template.set(pair[0], pair[1]);
            user.set(set);
        }
        user.setFile(key + "=" + escape(file.toString()), dir);
        Object helm = HelmTemplateOutput.valuesByName(template.call()).get("parent-values");
        Object ours = JSON.readValue(
                ChartValues.coalesce(Chart.load(chart), user.build()).toJson(), Object.class);
        assertThat(HelmTemplateOutput.sameTree(helm, ours))
                .as("helm: %s%nours: %s", helm, ours)
                .isTrue();
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }
}
