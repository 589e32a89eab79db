package com.webgrip.deploy.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformLoadTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheDesignPlatformIntoItsWaves() throws Exception {
        Platform platform = Platform.load(OpsTree.designPlatform(dir).root());

        assertThat(platform.graph().toString())
                .isEqualTo("[[005-tainters], [007-cluster-monitoring], [010-cert-manager, 060-grafana-stack],"
                        + " [020-cluster-issuers], [030-ingress-controllers], [040-gha-runners-controller],"
                        + " [045-gha-runners], [950-example-services]]");
        assertThat(platform.environments()).containsOnlyKeys("default");
        assertThat(platform.hasEnvironmentsFile()).isFalse();
        assertThat(platform.toString()).startsWith("Platform[9 charts in 8 waves, environments default, from ");
    }

    @Test
    void namesReleasesAfterTheFolderUnlessAnnotated() throws Exception {
        OpsTree tree = OpsTree.in(dir).chart("010-cert-manager").file("helm/020-cluster-issuers/Chart.yaml", """
                        apiVersion: v2
                        name: issuers
                        version: 0.3.1
                        annotations:
                          webgrip.com/needs: 010-cert-manager
                          webgrip.com/release: letsencrypt-issuers
                          webgrip.com/namespace: cert-manager
                          webgrip.com/labels: tls, platform
                        """);

        Platform platform = Platform.load(tree.root());

        ChartEntry certManager = platform.chart("010-cert-manager").orElseThrow();
        ChartEntry issuers = platform.chart("020-cluster-issuers").orElseThrow();
        assertThat(certManager.release()).isEqualTo("cert-manager");
        assertThat(certManager.namespace()).isEmpty();
        assertThat(issuers.release()).isEqualTo("letsencrypt-issuers");
        assertThat(issuers.namespace()).contains("cert-manager");
        assertThat(issuers.chartName()).isEqualTo("issuers");
        assertThat(issuers.chartVersion()).isEqualTo("0.3.1");
        assertThat(issuers.labels()).containsExactly("tls", "platform");
        assertThat(issuers.needs()).containsExactly("010-cert-manager");
    }

    @Test
    void rejectsAChartFolderWithoutChartYaml() {
        OpsTree tree = OpsTree.in(dir).chart("005-tainters").mkdirs("helm/007-cluster-monitoring");

        assertThatThrownBy(() -> Platform.load(tree.root()))
                .isInstanceOf(PlatformException.class)
                .hasMessageEndingWith("007-cluster-monitoring/Chart.yaml: expected a Chart.yaml in chart folder"
                        + " '007-cluster-monitoring', found none");
    }

    @Test
    void rejectsAFolderNotNamedWithANumber() {
        OpsTree tree = OpsTree.in(dir).chart("005-tainters").mkdirs("helm/cert-manager");

        assertThatThrownBy(() -> Platform.load(tree.root()))
                .hasMessageContaining("expected a folder named NNN-name")
                .hasMessageContaining("found 'cert-manager'");
    }

    @Test
    void rejectsTwoChartsWithOneNumber() {
        OpsTree tree = OpsTree.in(dir).chart("010-cert-manager").chart("010-issuers");

        assertThatThrownBy(() -> Platform.load(tree.root()))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("expected one chart per order number, found 010 on both '010-cert-manager' and"
                        + " '010-issuers'");
    }

    @Test
    void namesTheChartFileAndLineOfANeedThatDoesNotExist() {
        OpsTree tree = OpsTree.in(dir).chart("010-cert-manager").chart("020-cluster-issuers", "011-cert-manager");

        assertThatThrownBy(() -> Platform.load(tree.root()))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.file().orElseThrow()).endsWith(Path.of("020-cluster-issuers", "Chart.yaml"));
                    assertThat(e.line()).isEqualTo(5);
                })
                .hasMessageContaining(
                        "chart 020-cluster-issuers needs 011-cert-manager, which is not a chart of the platform");
    }

    @Test
    void reportsACycleWithItsPath() {
        OpsTree tree = OpsTree.in(dir)
                .chart("010-cert-manager", "020-cluster-issuers")
                .chart("020-cluster-issuers", "010-cert-manager");

        assertThatThrownBy(() -> Platform.load(tree.root()))
                .hasMessageContaining("010-cert-manager → 020-cluster-issuers → 010-cert-manager");
    }

    @Test
    void reportsMalformedYamlWithItsLineButNotItsText() {
        OpsTree tree = OpsTree.in(dir)
                .file("helm/005-tainters/Chart.yaml", "apiVersion: v2\nname: tainters\nversion: [1.0\ntoken: s3cr3t\n");

        assertThatThrownBy(() -> Platform.load(tree.root()))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.line()).isGreaterThanOrEqualTo(3))
                .hasMessageContaining("YAML")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void rejectsADuplicateKeyWithItsLine() {
        OpsTree tree = OpsTree.in(dir)
                .file("helm/005-tainters/Chart.yaml", "apiVersion: v2\nname: tainters\nversion: 1.0.0\nname: again\n");

        assertThatThrownBy(() -> Platform.load(tree.root()))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("duplicate key 'name'");
    }

    @Test
    void rejectsValuesForAnEnvironmentThatDoesNotExist() {
        OpsTree tree = OpsTree.in(dir).chart("005-tainters").file("helm/005-tainters/values-qa.yaml", "a: 1\n");

        assertThatThrownBy(() -> Platform.load(tree.root()))
                .hasMessageContaining("values-qa.yaml: this file is for environment 'qa', which does not exist"
                        + " without an environments.yaml; known environments: default");
    }

    @Test
    void rejectsSecretsOfAChartThatDoesNotExist() {
        OpsTree tree = OpsTree.in(dir).chart("005-tainters").file("secrets/006-nothing/values.sops.yaml", "a: 1\n");

        assertThatThrownBy(() -> Platform.load(tree.root()))
                .hasMessageContaining("found no chart folder helm/006-nothing");
    }

    @Test
    void rejectsABadNeedsAnnotation() {
        OpsTree tree = OpsTree.in(dir).chart("005-tainters").chart("007-cluster-monitoring", "005-tainters,,");

        assertThatThrownBy(() -> Platform.load(tree.root()))
                .hasMessageContaining(
                        "Chart.yaml:5: annotation webgrip.com/needs: expected comma-separated chart folder names");
    }

    @Test
    void findsValuesAndSecretsFiles() throws Exception {
        OpsTree tree = OpsTree.in(dir)
                .file("environments.yaml", "environments:\n  staging: {}\n  production: {}\n")
                .chart("060-grafana-stack")
                .file("helm/060-grafana-stack/values.yaml", "replicaCount: 1\n")
                .file("helm/060-grafana-stack/values-production.yaml", "replicaCount: 3\n")
                .file("secrets/060-grafana-stack/values.sops.yaml", "x: 1\n")
                .file("secrets/060-grafana-stack/production.sops.yaml", "x: 1\n")
                .file(".sops.yaml", "creation_rules: []\n");

        Platform platform = Platform.load(tree.root());

        ChartEntry grafana = platform.chart("060-grafana-stack").orElseThrow();
        assertThat(grafana.defaults()).containsEntry("replicaCount", 1L);
        assertThat(grafana.environmentValues("production")).containsEntry("replicaCount", 3L);
        assertThat(grafana.environmentValues("staging")).isEmpty();
        assertThat(grafana.sharedSecrets()).isPresent();
        assertThat(grafana.environmentSecrets("production")).isPresent();
        assertThat(grafana.environmentSecrets("staging")).isEmpty();
        assertThat(platform.sopsConfig()).isPresent();
    }

    @Test
    void buildsAPlatformInCode() {
        Platform platform = Platform.builder()
                .chart("005-tainters")
                .chart("007-cluster-monitoring", "005-tainters")
                .chart(ChartEntry.builder("060-grafana-stack")
                        .needs("007-cluster-monitoring")
                        .release("grafana")
                        .build())
                .environment(Environment.builder("staging").replicas(2).build())
                .build();

        assertThat(platform.toString()).isEqualTo("Platform[3 charts in 3 waves, environments staging]");
        assertThat(platform.chart("060-grafana-stack").orElseThrow().toString())
                .isEqualTo("060-grafana-stack (grafana-stack 0.1.0, release grafana, needs 007-cluster-monitoring)");
        assertThatThrownBy(() -> platform.environment("production"))
                .hasMessage("no environment 'production'; known environments: staging");
    }
}
