package com.webgrip.deploy.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.platform.OpsTree;
import com.webgrip.deploy.core.platform.Platform;
import com.webgrip.deploy.helm.chart.ChartMetadata;
import com.webgrip.deploy.helm.release.Release;
import com.webgrip.deploy.helm.release.ReleaseInfo;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import com.webgrip.deploy.helm.values.Values;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart-version check fed by Helm's own release records (templates stored base64 in the release's chart). */
class HelmReleaseHistoryCheckTest {
    private static final String NOW = "kind: Deployment # v2\n";

    @TempDir
    Path dir;

    private Platform platform() throws Exception {
        return Platform.load(OpsTree.in(dir)
                .chart("060-grafana-stack")
                .file("helm/060-grafana-stack/templates/deployment.yaml", NOW)
                .root());
    }

    private ValidationReport validate(Release... revisions) throws Exception {
        return Validator.builder(platform())
                .checks(List.of(new ChartVersionCheck()))
                .releases(ReleaseHistory.fromHelm(
                        List.of(com.webgrip.deploy.helm.release.ReleaseHistory.of(List.of(revisions)))))
                .build()
                .validate();
    }

    @Test
    void sameVersionWithOtherTemplatesInTheLastDeployedRevisionIsAnError() throws Exception {
        ValidationReport report = validate(
                revision(1, ReleaseStatus.SUPERSEDED, "1.0.0", NOW),
                revision(2, ReleaseStatus.DEPLOYED, "1.0.0", "kind: Deployment # v1\n"));

        assertThat(report.errors())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("templates of 060-grafana-stack changed"));
    }

    @Test
    void unchangedTemplatesOrABumpedVersionPass() throws Exception {
        assertThat(validate(revision(1, ReleaseStatus.DEPLOYED, "1.0.0", NOW)).findings())
                .isEmpty();
        assertThat(validate(revision(1, ReleaseStatus.DEPLOYED, "0.9.0", "old\n"))
                        .findings())
                .isEmpty();
    }

    @Test
    void aFailedLaterRevisionIsNotTheOneComparedWith() throws Exception {
        ValidationReport report = validate(
                revision(1, ReleaseStatus.DEPLOYED, "1.0.0", NOW),
                revision(2, ReleaseStatus.FAILED, "1.0.0", "kind: Deployment # broken\n"));

        assertThat(report.errors()).isEmpty();
    }

    @Test
    void aReleaseWhoseStoredChartHasNoTemplatesIsNotComparedAndTheCheckSaysItDidNotRun() throws Exception {
        Release bare = new Release(
                "grafana-stack",
                "grafana-stack",
                1,
                info(ReleaseStatus.DEPLOYED, 1),
                ChartMetadata.of("grafana-stack", "1.0.0"),
                Values.empty(),
                Values.empty(),
                "");

        ValidationReport report = validate(bare);

        assertThat(report.errors()).isEmpty();
        assertThat(report.bySeverity(Severity.INFO))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no release history"));
    }

    private static Release revision(int number, ReleaseStatus status, String chartVersion, String template) {
        String data = Base64.getEncoder().encodeToString(template.getBytes(StandardCharsets.UTF_8));
        Values chart =
                Values.of(Map.of("templates", List.of(Map.of("name", "templates/deployment.yaml", "data", data))));
        return new Release(
                "grafana-stack",
                "grafana-stack",
                number,
                info(status, number),
                ChartMetadata.of("grafana-stack", chartVersion),
                chart,
                Values.empty(),
                "");
    }

    private static ReleaseInfo info(ReleaseStatus status, int second) {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, second, 0, ZoneOffset.UTC);
        return new ReleaseInfo(status, at, at, Optional.empty(), "", "");
    }
}
