package com.webgrip.deploy.helm.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.webgrip.deploy.helm.chart.Chart;
import com.webgrip.deploy.helm.chart.ChartLint;
import com.webgrip.deploy.helm.chart.LintFinding;
import com.webgrip.deploy.helm.values.ValuesSchema;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 13 real charts of shared/vectors/helm-charts (copied with their licenses and MANIFEST.md into test
 * resources) read, lint and validate as Helm does.
 */
@SuppressWarnings("unchecked")
class VectorChartsTest {
    static final String[] FOLDERS = {
        "bitnami-nginx",
        "bitnami-redis",
        "cert-manager",
        "grafana",
        "grafana-community",
        "ingress-nginx",
        "kube-prometheus-stack",
        "lgtm-distributed",
        "loki-stack",
        "prometheus-node-exporter",
        "promtail",
        "tempo-distributed",
        "traefik"
    };

    static Path folder(String name) throws URISyntaxException {
        return Path.of(VectorChartsTest.class
                        .getResource("/helm-charts/" + name + "/Chart.yaml")
                        .toURI())
                .getParent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "grafana,v2,grafana,10.5.15,true,0",
        "grafana-community,v2,grafana,12.11.1,false,0",
        "kube-prometheus-stack,v2,kube-prometheus-stack,88.5.3,false,5",
        "prometheus-node-exporter,v2,prometheus-node-exporter,4.56.1,false,0",
        "traefik,v2,traefik,41.3.0,false,0",
        "cert-manager,v2,cert-manager,v0.0.0,false,0",
        "ingress-nginx,v2,ingress-nginx,4.15.1,false,0",
        "bitnami-nginx,v2,nginx,22.1.1,false,1",
        "bitnami-redis,v2,redis,23.1.1,false,1",
        "lgtm-distributed,v2,lgtm-distributed,3.0.1,true,5",
        "loki-stack,v1,loki-stack,2.10.3,true,7",
        "promtail,v2,promtail,6.17.1,true,0",
        "tempo-distributed,v2,tempo-distributed,1.61.3,true,3"
    })
    void readsTheChartAsTheManifestDescribesIt(
            String folder, String apiVersion, String name, String version, boolean deprecated, int dependencies)
            throws Exception {
        Chart chart = Chart.load(folder(folder));
        assertThat(chart.metadata().apiVersion()).isEqualTo(apiVersion);
        assertThat(chart.name()).isEqualTo(name);
        assertThat(chart.metadata().version()).isEqualTo(version);
        assertThat(chart.metadata().deprecated()).isEqualTo(deprecated);
        assertThat(chart.metadata().dependencies()).hasSize(dependencies);
        assertThat(chart.values().isEmpty()).isFalse();
    }

    @Test
    void readsTheDetailsTheManifestPointsOut() throws Exception {
        Chart grafana = Chart.load(folder("grafana"));
        assertThat(grafana.values().contains("grafana.ini")).isTrue();
        assertThat(grafana.values().contains("serviceAccount", "name")).isTrue();
        assertThat(grafana.values().get("serviceAccount", "name")).isEmpty();
        Chart kps = Chart.load(folder("kube-prometheus-stack"));
        assertThat(kps.metadata().annotation("artifacthub.io/operator")).contains("true");
        assertThat(kps.metadata().dependencies())
                .extracting(d -> d.condition())
                .contains("kubeStateMetrics.enabled", "windowsMonitoring.enabled");
        assertThat(Chart.load(folder("tempo-distributed"))
                        .values()
                        .get("compactor", "config", "compaction", "max_block_bytes"))
                .contains(107374182400L);
        assertThat(Chart.load(folder("lgtm-distributed")).metadata().dependencies())
                .extracting(d -> d.valuesKey())
                .containsExactly("grafana", "loki", "mimir", "tempo", "grafana-oncall");
        assertThat(Chart.load(folder("bitnami-nginx"))
                        .metadata()
                        .dependencies()
                        .get(0)
                        .tags())
                .containsExactly("bitnami-common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"traefik", "cert-manager", "bitnami-nginx", "bitnami-redis"})
    void valuesValidateAgainstTheirOwnSchema(String folder) throws Exception {
        Chart chart = Chart.load(folder(folder));
        assertThat(chart.schema()).isPresent();
        assertThat(ValuesSchema.helm()
                        .validate(chart.name(), chart.values(), chart.schema().get()))
                .isEmpty();
    }

    @Test
    void traefiksSchemaCatchesAWrongTypeAndAnUnknownKeyWithTheirPaths() throws Exception {
        Chart chart = Chart.load(folder("traefik"));
        var broken = chart.values().toMutableMap();
        ((java.util.Map<String, Object>) broken.get("deployment")).put("replicas", "three");
        broken.put("notAKnownKey", true);
        var violations = ValuesSchema.helm()
                .validate(
                        "traefik",
                        com.webgrip.deploy.helm.values.Values.of(broken),
                        chart.schema().get());
        assertThat(violations).extracting(v -> v.path()).contains("/deployment/replicas", "");
        assertThat(violations).extracting(v -> v.keyword()).contains("type", "additionalProperties");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bitnami-nginx",
                "bitnami-redis",
                "cert-manager",
                "grafana",
                "grafana-community",
                "ingress-nginx",
                "kube-prometheus-stack",
                "lgtm-distributed",
                "loki-stack",
                "prometheus-node-exporter",
                "promtail",
                "tempo-distributed",
                "traefik"
            })
    void ourLintFindingsAreHelmLintFindings(String folder) throws Exception {
        RealHelm.require();
        Path dir = folder(folder);
        Set<String> ours = ChartLint.lint(dir).stream()
                .map(LintFinding::toHelmString)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> helmMessages = new Helm(dir).lint().call().getMessages();
        Set<String> helm = helmMessages.stream()
                .map(String::strip)
                .filter(m -> m.startsWith("["))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(ours).as("ours vs helm lint %s", helmMessages).isEqualTo(helm);
    }

    @Test
    void theCopiedVectorsKeepTheirLicenseAndManifest() throws Exception {
        Path root = folder("traefik").getParent();
        assertThat(Files.exists(root.resolve("MANIFEST.md"))).isTrue();
        for (String f : FOLDERS) {
            Path dir = root.resolve(f);
            assertThat(Files.exists(dir.resolve("LICENSE")) || Files.exists(dir.resolve("LICENSE.md")))
                    .as(f)
                    .isTrue();
        }
    }
}
