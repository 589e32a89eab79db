package com.webgrip.deploy.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentsFileTest {
    static final String RECIPIENT = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    @TempDir
    Path dir;

    private Platform load(String environments) throws PlatformException {
        return Platform.load(OpsTree.in(dir)
                .chart("005-tainters")
                .file("environments.yaml", environments)
                .root());
    }

    @Test
    void readsEveryFieldOfAnEnvironment() throws Exception {
        Platform platform = load("""
                version: 1
                environments:
                  development:
                    replicas: 1
                  production:
                    namespace: "{release}-{environment}"
                    replicas: 3
                    resources:
                      requests: {cpu: 100m, memory: 256Mi}
                      limits: {cpu: 500m, memory: 512Mi}
                    ingress:
                      host: api.example.com
                    recipients:
                      - %s
                    requiresApproval: true
                    timeout: 10m
                    concurrency: 2
                    values:
                      global: {tier: gold}
                """.formatted(RECIPIENT));

        assertThat(platform.environments()).containsOnlyKeys("development", "production");
        Environment production = platform.environment("production");
        assertThat(production.replicas()).hasValue(3);
        assertThat(production.ingressHost()).contains("api.example.com");
        assertThat(production.recipients()).containsExactly(RECIPIENT);
        assertThat(production.approvalRequired()).isTrue();
        assertThat(production.timeout()).contains(Duration.ofMinutes(10));
        assertThat(production.concurrency()).hasValue(2);
        assertThat(production.namespaceFor("cert-manager")).isEqualTo("cert-manager-production");
        assertThat(production.chartValues())
                .containsEntry("replicaCount", 3)
                .containsEntry("ingress", Map.of("host", "api.example.com"))
                .containsEntry("global", Map.of("tier", "gold"))
                .containsKey("resources");
        assertThat(production.toString())
                .isEqualTo("Environment[production, replicas 3, host api.example.com, namespace"
                        + " {release}-{environment}, 1 recipient, approval required]");
        assertThat(platform.environment("development").approvalRequired()).isFalse();
        assertThat(platform.environment("development").namespaceFor("cert-manager"))
                .isEqualTo("cert-manager");
    }

    @Test
    void namesTheLineAndFieldOfAWrongType() {
        assertThatThrownBy(() -> load("environments:\n  staging:\n    replicas: two\n"))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageEndingWith(
                        "environments.yaml:3: environments.staging.replicas: expected a whole number, found 'two'");
    }

    @Test
    void rejectsAnUnknownFieldListingTheKnownOnes() {
        assertThatThrownBy(() -> load("environments:\n  staging:\n    replica: 2\n"))
                .hasMessageContaining("environments.yaml:3: environments.staging.replica: unknown field 'replica';"
                        + " expected one of [concurrency, ingress, namespace, recipients, replicas,"
                        + " requiresApproval, resources, timeout, values]");
    }

    @Test
    void rejectsARecipientThatIsNotAnAgeKeyWithoutQuotingAllOfIt() {
        assertThatThrownBy(
                        () -> load(
                                "environments:\n  staging:\n    recipients:\n      - AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQ\n"))
                .hasMessageContaining("environments.yaml:4: environments.staging.recipients[0]: expected an age"
                        + " recipient (age1…) or an ssh public key, found 'AGE-SECRET-KEY-1…'");
    }

    @Test
    void rejectsBadDurationsNamespacesAndNames() {
        assertThatThrownBy(() -> load("environments:\n  staging:\n    timeout: soon\n"))
                .hasMessageContaining(":3: environments.staging.timeout: expected a duration like 90s, 5m or 1h30m,"
                        + " found 'soon'");
        assertThatThrownBy(() -> load("environments:\n  staging:\n    namespace: Bad_Name\n"))
                .hasMessageContaining(
                        ":3: environments.staging.namespace: namespace 'Bad_Name' does not make a" + " DNS-1123 label");
        assertThatThrownBy(() -> load("environments:\n  Staging: {}\n"))
                .hasMessageContaining(":2: environments.Staging: environment name 'Staging' is not a DNS-1123 label");
        assertThatThrownBy(() -> load("version: 2\nenvironments:\n  staging: {}\n"))
                .hasMessageContaining(":1: version: expected version 1, found integer 2");
        assertThatThrownBy(() -> load("environments: []\n"))
                .hasMessageContaining(
                        "environments: expected a mapping of environment names to settings, found a list");
    }

    @Test
    void rejectsResourcesOtherThanRequestsAndLimits() {
        assertThatThrownBy(() -> load("environments:\n  staging:\n    resources:\n      requets: {cpu: 1}\n"))
                .hasMessageContaining(":3: environments.staging.resources: resources may hold 'requests' and"
                        + " 'limits', found 'requets'");
    }
}
