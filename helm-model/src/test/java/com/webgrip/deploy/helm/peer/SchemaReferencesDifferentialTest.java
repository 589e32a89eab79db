package com.webgrip.deploy.helm.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.webgrip.deploy.helm.chart.Chart;
import com.webgrip.deploy.helm.chart.ChartValues;
import com.webgrip.deploy.helm.values.SchemaReferenceException;
import com.webgrip.deploy.helm.values.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where real Helm 3.21 loads a schema document from the network, we refuse the schema and load nothing: the same
 * loopback server sees Helm's request and none of ours. Where Helm needs no network, we agree with it.
 */
class SchemaReferencesDifferentialTest {
    @TempDir
    Path dir;

    @BeforeEach
    void requireHelm() {
        RealHelm.require();
    }

    private Path chart(String name, String schema) throws IOException {
        Path chart = Files.createDirectories(dir.resolve(name));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 1.0.0\n");
        Files.writeString(chart.resolve("values.yaml"), "a: 1\n");
        Files.writeString(chart.resolve("values.schema.json"), schema);
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("templates/values.yaml"), HelmTemplateOutput.probeTemplate());
        return chart;
    }

    private static boolean helmAccepts(Path chart) {
        try {
            new Helm(chart).template().withName("rel").call();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void helmFetchesARemoteRefThatWeRefuseWithoutARequest() throws IOException {
        try (CountingHttpServer server = CountingHttpServer.serving("{\"type\": \"integer\"}")) {
            String ref = server.base() + "/defs.json";
            Path chart = chart("remote", "{\"properties\": {\"a\": {\"$ref\": \"" + ref + "\"}}}");
            assertThat(helmAccepts(chart)).isTrue();
            assertThat(server.requests()).as("Helm's requests").containsExactly("/defs.json");
            Chart loaded = Chart.load(chart);
            assertThatThrownBy(() -> ChartValues.validate(loaded, ChartValues.coalesce(loaded, Values.empty())))
                    .isInstanceOfSatisfying(
                            SchemaReferenceException.class,
                            e -> assertThat(e.reference()).isEqualTo(ref));
            assertThat(server.requests()).as("requests after ours").containsExactly("/defs.json");
        }
    }

    @Test
    void helmFetchesAnUnknownMetaSchemaThatWeRefuseWithoutARequest() throws IOException {
        try (CountingHttpServer server = CountingHttpServer.serving("{\"type\": \"object\"}")) {
            String meta = server.base() + "/meta";
            Path chart = chart("meta", "{\"$schema\": \"" + meta + "\", \"type\": \"object\"}");
            assertThat(helmAccepts(chart)).isTrue();
            assertThat(server.requests()).as("Helm's requests").isNotEmpty();
            int helmRequests = server.requests().size();
            Chart loaded = Chart.load(chart);
            assertThatThrownBy(() -> ChartValues.validate(loaded, loaded.values()))
                    .isInstanceOf(SchemaReferenceException.class);
            assertThat(server.requests()).hasSize(helmRequests);
        }
    }

    @Test
    void weAgreeWithHelmWhereNoDocumentIsLoaded() throws IOException {
        String[][] cases = {
            // Bitnami's $schema names the latest draft; an unresolved urn: accepts anything; draft 4's boolean bounds.
            {
                "latest",
                "{\"$schema\": \"http://json-schema.org/schema#\", \"properties\": {\"a\": {\"type\": \"string\"}}}"
            },
            {"urn", "{\"properties\": {\"a\": {\"$ref\": \"urn:example:any\"}}}"},
            {
                "internal",
                "{\"$defs\": {\"s\": {\"type\": \"string\"}}, \"properties\": {\"a\": {\"$ref\": \"#/$defs/s\"}}}"
            },
            {
                "draft4",
                "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"properties\": {\"a\": {\"minimum\": 1, \"exclusiveMinimum\": true}}}"
            }
        };
        for (String[] c : cases) {
            Path chart = chart(c[0], c[1]);
            Chart loaded = Chart.load(chart);
            boolean ours = ChartValues.validate(loaded, loaded.values()).isEmpty();
            assertThat(ours).as(c[0]).isEqualTo(helmAccepts(chart));
        }
    }
}
