package com.webgrip.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.webgrip.deploy.core.check.Manifest;
import com.webgrip.deploy.core.plan.Step;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders a small chart with real Helm through helm-java (a peer: skipped if it cannot load, unless required). */
class HelmManifestRendererTest {
    static Path chart;

    @BeforeAll
    static void helmLoads() throws URISyntaxException {
        chart = Path.of(HelmManifestRendererTest.class
                        .getResource("/charts/web/Chart.yaml")
                        .toURI())
                .getParent();
        boolean loads;
        try {
            com.marcnuri.helm.Helm.version().call();
            loads = true;
        } catch (RuntimeException | LinkageError e) {
            loads = false;
        }
        if (!"1".equals(System.getenv("WEBGRIP_REQUIRE_PEERS"))) {
            assumeTrue(loads, "peer missing: helm-java's native Helm does not load on this machine");
        }
        assertThat(loads)
                .as("helm-java's native Helm (required by WEBGRIP_REQUIRE_PEERS=1)")
                .isTrue();
    }

    private static Step step() {
        return Step.builder("950-web", 950)
                .release("shop")
                .namespace("apps")
                .chartDirectory(chart)
                .build();
    }

    @Test
    void rendersTheChartWithReleaseNamespaceAndValues() throws IOException {
        List<Manifest> manifests = new HelmManifestRenderer()
                .render(
                        step(),
                        Map.of("replicaCount", 3, "image", Map.of("tag", "2.0.1"), "adminPassword", "(secret)"));

        assertThat(manifests).singleElement().satisfies(m -> {
            assertThat(m.toString()).isEqualTo("Deployment/shop (950-web/templates/deployment.yaml)");
            assertThat(m.namespace()).isEqualTo("apps");
            assertThat(m.object())
                    .extractingByKey("spec")
                    .asString()
                    .contains("replicas=3")
                    .contains("registry.example.com/web:2.0.1");
        });
    }

    @Test
    void reportsATemplateErrorAsAnIoExceptionNamingTheChart() {
        assertThatThrownBy(() -> new HelmManifestRenderer().render(step(), Map.of("breakMe", true)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("helm template failed for " + chart);
    }

    @Test
    void leavesNoValuesFolderBehindWhetherHelmSucceedsOrFails(@TempDir Path root) throws IOException {
        HelmManifestRenderer renderer = new HelmManifestRenderer(root);

        renderer.render(step(), Map.of("adminPassword", "(secret)"));
        assertThatThrownBy(() -> renderer.render(step(), Map.of("breakMe", true)))
                .isInstanceOf(IOException.class);

        try (Stream<Path> left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
    }
}
