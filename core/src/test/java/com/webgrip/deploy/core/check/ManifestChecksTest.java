package com.webgrip.deploy.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.platform.OpsTree;
import com.webgrip.deploy.core.platform.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks over rendered workloads, each on a passing and a failing fixture. */
class ManifestChecksTest {
    @TempDir
    Path dir;

    private ValidationReport validate(Check check, String fixture) throws Exception {
        Platform platform = Platform.load(OpsTree.in(dir).chart("010-web").root());
        return Validator.builder(platform)
                .checks(List.of(check))
                .renderer(new FixtureRenderer(Map.of("010-web", fixture)))
                .build()
                .validate();
    }

    private static List<String> messages(ValidationReport report) {
        return report.findings().stream().map(Finding::message).toList();
    }

    @Test
    void parsesHelmTemplateOutputWithItsSources() throws Exception {
        List<Manifest> manifests = new FixtureRenderer(Map.of("010-web", "good.yaml"))
                .render(com.webgrip.deploy.core.plan.Step.builder("010-web", 10).build(), Map.of());

        assertThat(manifests)
                .extracting(Manifest::toString)
                .containsExactly(
                        "NetworkPolicy/web-default-deny (010-web/templates/networkpolicy.yaml)",
                        "Service/web (010-web/templates/service.yaml)",
                        "Deployment/web (010-web/templates/deployment.yaml)",
                        "Job/web-once (010-web/templates/job.yaml)");
    }

    @Test
    void resourcesPassWhenEveryContainerSetsRequestsAndLimits() throws Exception {
        assertThat(validate(new ResourcesCheck(), "good.yaml").findings()).isEmpty();
    }

    @Test
    void resourcesFailForEveryMissingRequestOrLimit() throws Exception {
        ValidationReport report = validate(new ResourcesCheck(), "bad-workloads.yaml");

        assertThat(report.passed()).isFalse();
        assertThat(messages(report))
                .containsExactlyInAnyOrder(
                        "Deployment/web: container web has no memory request",
                        "Deployment/web: container web has no cpu limit",
                        "Deployment/web: container web has no memory limit",
                        "CronJob/nightly: container nightly has no cpu request",
                        "CronJob/nightly: container nightly has no memory request",
                        "CronJob/nightly: container nightly has no cpu limit",
                        "CronJob/nightly: container nightly has no memory limit");
        assertThat(report.findings().get(0).file().orElseThrow().toString())
                .endsWith("helm/010-web/templates/cronjob.yaml");
        assertThat(report.findings().get(0).hint()).contains("resources.requests");
    }

    @Test
    void probesPassForServersWithBothAndForJobs() throws Exception {
        assertThat(validate(new ProbesCheck(), "good.yaml").findings()).isEmpty();
    }

    @Test
    void probesFailForAServerWithoutReadinessButNotForACronJob() throws Exception {
        assertThat(messages(validate(new ProbesCheck(), "bad-workloads.yaml")))
                .containsExactly("Deployment/web: container web has no readinessProbe");
    }

    @Test
    void securityContextPassesWithPodLevelNonRootAndContainerSettings() throws Exception {
        assertThat(validate(new SecurityContextCheck(), "good.yaml").findings()).isEmpty();
    }

    @Test
    void securityContextFailsForEachMissingSetting() throws Exception {
        assertThat(messages(validate(new SecurityContextCheck(), "bad-workloads.yaml")))
                .containsExactlyInAnyOrder(
                        "Deployment/web: container web does not set runAsNonRoot: true",
                        "Deployment/web: container web does not set allowPrivilegeEscalation: false",
                        "Deployment/web: container web does not set readOnlyRootFilesystem: true",
                        "CronJob/nightly: container nightly does not set runAsNonRoot: true",
                        "CronJob/nightly: container nightly does not set allowPrivilegeEscalation: false",
                        "CronJob/nightly: container nightly does not set readOnlyRootFilesystem: true");
    }

    @Test
    void imageTagPassesForVersionTagsAndDigests() throws Exception {
        assertThat(validate(new ImageTagCheck(), "good.yaml").findings()).isEmpty();
    }

    @Test
    void imageTagFailsForUntaggedAndLatestImages() throws Exception {
        assertThat(messages(validate(new ImageTagCheck(), "bad-workloads.yaml")))
                .containsExactlyInAnyOrder(
                        "Deployment/web: container web uses image nginx without a tag (that means latest)",
                        "CronJob/nightly: container nightly uses image registry.example.com/tools:latest with the latest tag");
    }

    @Test
    void networkPolicyPassesWhenTheNamespaceHasOne() throws Exception {
        assertThat(validate(new NetworkPolicyCheck(), "good.yaml").findings()).isEmpty();
    }

    @Test
    void networkPolicyFailsForANamespaceWithWorkloadsAndNoPolicy() throws Exception {
        assertThat(messages(validate(new NetworkPolicyCheck(), "bad-workloads.yaml")))
                .containsExactly("namespace web runs Deployment/web but no chart of the plan gives it a NetworkPolicy");
    }

    @Test
    void manifestChecksSayTheyCouldNotRunWithoutARenderer() throws Exception {
        Platform platform = Platform.load(OpsTree.in(dir).chart("010-web").root());

        ValidationReport report = Validator.builder(platform)
                .checks(List.of(new ResourcesCheck()))
                .build()
                .validate();

        assertThat(report.passed()).isTrue();
        assertThat(report.bySeverity(Severity.INFO)).hasSize(1);
    }
}
