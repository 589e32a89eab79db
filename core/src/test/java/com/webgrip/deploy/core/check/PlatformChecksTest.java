package com.webgrip.deploy.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.platform.OpsTree;
import com.webgrip.deploy.core.platform.Platform;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks over the ops/ tree itself, each on a passing and a failing tree. */
class PlatformChecksTest {
    static final String STAGING = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
    static final String PRODUCTION = "age1lggyhqrw2nlhcxprm67z43rta597azn8gknawjehu9d9dl0jq3yqqvfafg";
    static final String OTHER = "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw";

    @TempDir
    Path dir;

    private static ValidationReport run(Platform platform, Check check) throws Exception {
        return Validator.builder(platform).checks(List.of(check)).build().validate();
    }

    static String sopsFile(String... recipients) {
        StringBuilder text =
                new StringBuilder("password: ENC[AES256_GCM,data:Zm9v,iv:aXY=,tag:dGFn,type:str]\nsops:\n");
        text.append("    age:\n");
        for (String recipient : recipients) {
            text.append("        - recipient: ").append(recipient).append("\n          enc: x\n");
        }
        text.append("    lastmodified: \"2026-01-01T00:00:00Z\"\n");
        text.append("    mac: ENC[AES256_GCM,data:bWFj,iv:aXY=,tag:dGFn,type:str]\n    version: 3.13.2\n");
        return text.toString();
    }

    private OpsTree twoEnvironments() {
        return OpsTree.in(dir)
                .file("environments.yaml", """
                        environments:
                          staging:
                            recipients: [%s]
                          production:
                            recipients: [%s]
                        """.formatted(STAGING, PRODUCTION))
                .chart("060-grafana-stack");
    }

    @Test
    void chartOrderWarnsAndStrictModeFails() throws Exception {
        Platform platform = Platform.load(
                OpsTree.in(dir).chart("010-a", "020-b").chart("020-b").root());

        ValidationReport lenient = run(platform, new ChartOrderCheck());
        ValidationReport strict = Validator.builder(platform)
                .checks(List.of(new ChartOrderCheck()))
                .strict(true)
                .build()
                .validate();

        assertThat(lenient.passed()).isTrue();
        assertThat(lenient.bySeverity(Severity.WARNING)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(5);
            assertThat(f.message())
                    .isEqualTo(
                            "010-a is numbered before 020-b, which it needs; it will still be deployed" + " after it");
        });
        assertThat(strict.passed()).isFalse();
        assertThat(run(Platform.load(OpsTree.designPlatform(dir.resolve("b")).root()), new ChartOrderCheck())
                        .findings())
                .isEmpty();
    }

    @Test
    void yamlFailsForABrokenFileNoLoaderReadsAndPassesOtherwise() throws Exception {
        OpsTree tree = OpsTree.in(dir).chart("005-tainters").file(".sops.yaml", "creation_rules:\n  - path_regex: a\n");
        assertThat(run(Platform.load(tree.root()), new YamlCheck()).findings()).isEmpty();

        tree.file(".sops.yaml", "creation_rules:\n  - path_regex: [a\n");
        ValidationReport report = run(Platform.load(tree.root()), new YamlCheck());

        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.file().orElseThrow()).endsWith(Path.of(".sops.yaml"));
            assertThat(f.line()).isGreaterThan(1);
            assertThat(f.message()).startsWith("malformed YAML");
        });
    }

    @Test
    void sopsPassesForFilesEncryptedForExactlyTheirReaders() throws Exception {
        OpsTree tree = twoEnvironments()
                .file("secrets/060-grafana-stack/values.sops.yaml", sopsFile(STAGING, PRODUCTION))
                .file("secrets/060-grafana-stack/production.sops.yaml", sopsFile(PRODUCTION));

        ValidationReport report = Validator.builder(Platform.load(tree.root()))
                .environment("production")
                .checks(List.of(new SopsFilesCheck()))
                .decryptor((file, bytes) -> new java.util.HashMap<>(Map.of("password", "x")))
                .build()
                .validate();

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void sopsFailsForMissingAndExtraRecipientsAndABadMac() throws Exception {
        OpsTree tree = twoEnvironments()
                .file("secrets/060-grafana-stack/values.sops.yaml", sopsFile(STAGING))
                .file("secrets/060-grafana-stack/production.sops.yaml", sopsFile(PRODUCTION, OTHER))
                .file("secrets/060-grafana-stack/staging.sops.yaml", "password: clear\n");

        ValidationReport report = Validator.builder(Platform.load(tree.root()))
                .environment("production")
                .checks(List.of(new SopsFilesCheck()))
                .decryptor((file, bytes) -> {
                    throw new GeneralSecurityException("MAC mismatch at path [\"password\"]");
                })
                .build()
                .validate();

        assertThat(report.errors())
                .extracting(Finding::message)
                .containsExactlyInAnyOrder(
                        "also encrypted for " + OTHER + ", which no environment reading this file lists",
                        "does not open with a valid MAC: MAC mismatch at path [\"password\"]",
                        "not a SOPS file: no sops section with a mac",
                        "not encrypted for " + PRODUCTION + ", which an environment reading this file lists",
                        "does not open with a valid MAC: MAC mismatch at path [\"password\"]");
    }

    @Test
    void sopsSaysWhatItCouldNotDoWithoutKeysOrRecipients() throws Exception {
        OpsTree tree =
                OpsTree.in(dir).chart("005-tainters").file("secrets/005-tainters/values.sops.yaml", sopsFile(OTHER));

        ValidationReport report = run(Platform.load(tree.root()), new SopsFilesCheck());

        assertThat(report.passed()).isTrue();
        assertThat(report.bySeverity(Severity.INFO)).hasSize(2);
    }

    @Test
    void clearTextSecretFindsTokensSecretKeysAndEntropyWithoutQuotingThem() throws Exception {
        String aws = "AKIA" + "QWERTYUIOPASDFGH";
        String github = "ghp_" + "a".repeat(10) + "B1c2D3e4F5g6H7i8J9k0L1m2N3";
        String password = "Tr0ub4dor&3xyz";
        String entropic = "dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldCBidXQgaXQgbG9va3MgbGlrZSBvbmU9";
        OpsTree tree = OpsTree.in(dir)
                .chart("060-grafana-stack")
                .file("helm/060-grafana-stack/values.yaml", """
                        image:
                          tag: "10.4.1"
                          digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                        aws:
                          accessKeyId: %s
                        github: %s
                        apiKey: Zq8vL2mN4pR7sT1w
                        admin:
                          password: "%s"
                          passwordFromSecret: ${ADMIN_PASSWORD}
                        blob: %s
                        """.formatted(aws, github, password, entropic));

        ValidationReport report = run(Platform.load(tree.root()), new ClearTextSecretCheck());

        assertThat(report.findings())
                .extracting(f -> f.severity() + " " + f.line() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "ERROR 5 aws.accessKeyId holds what looks like an AWS access key id",
                        "ERROR 6 github holds what looks like a GitHub token",
                        "ERROR 7 apiKey holds what looks like a secret in key 'apiKey'",
                        "ERROR 9 admin.password holds what looks like a secret in key 'password'",
                        "WARNING 11 blob holds what looks like a high-entropy base64 string");
        assertThat(report.toString())
                .doesNotContain(aws)
                .doesNotContain(github)
                .doesNotContain(password)
                .doesNotContain(entropic);
    }

    @Test
    void clearTextSecretPassesOnOrdinaryValues() throws Exception {
        OpsTree tree = OpsTree.in(dir).chart("060-grafana-stack").file("helm/060-grafana-stack/values.yaml", """
                        replicaCount: 2
                        image: {repository: grafana/grafana, tag: "10.4.1"}
                        ingress: {host: grafana.staging.example.com}
                        recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
                        admin: {existingSecret: grafana-admin, passwordKey: admin-password}
                        """);

        assertThat(run(Platform.load(tree.root()), new ClearTextSecretCheck()).findings())
                .isEmpty();
    }

    @Test
    void chartVersionFailsWhenTemplatesChangedWithoutABumpAndPassesOtherwise() throws Exception {
        OpsTree tree = OpsTree.in(dir)
                .chart("060-grafana-stack")
                .file("helm/060-grafana-stack/templates/deployment.yaml", "kind: Deployment # v2\n");
        Platform platform = Platform.load(tree.root());
        Map<String, String> old = Map.of("templates/deployment.yaml", "kind: Deployment # v1\n");
        Map<String, String> same = Map.of("templates/deployment.yaml", "kind: Deployment # v2\n");

        ValidationReport changed = Validator.builder(platform)
                .checks(List.of(new ChartVersionCheck()))
                .releases((ns, release) -> Optional.of(new ReleaseHistory.PreviousRelease("1.0.0", old)))
                .build()
                .validate();
        ValidationReport bumped = Validator.builder(platform)
                .checks(List.of(new ChartVersionCheck()))
                .releases((ns, release) -> Optional.of(new ReleaseHistory.PreviousRelease("0.9.0", old)))
                .build()
                .validate();
        ValidationReport unchanged = Validator.builder(platform)
                .checks(List.of(new ChartVersionCheck()))
                .releases((ns, release) -> Optional.of(new ReleaseHistory.PreviousRelease("1.0.0", same)))
                .build()
                .validate();

        assertThat(changed.errors())
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .isEqualTo(
                                "templates of 060-grafana-stack changed since release grafana-stack was deployed with chart version"
                                        + " 1.0.0, but the version is the same"));
        assertThat(bumped.findings()).isEmpty();
        assertThat(unchanged.findings()).isEmpty();
        assertThat(run(platform, new ChartVersionCheck()).bySeverity(Severity.INFO))
                .hasSize(1);
    }

    @Test
    void findsPluggedInChecksThroughTheServiceLoader() {
        assertThat(Validator.discoveredChecks()).extracting(Check::id).containsExactly("test-plugin");
        assertThat(Validator.builtInChecks())
                .extracting(Check::id)
                .containsExactly(
                        "yaml",
                        "chart-order",
                        "resources",
                        "probes",
                        "security-context",
                        "image-tag",
                        "network-policy",
                        "chart-version",
                        "sops",
                        "clear-text-secret");
    }

    @Test
    void aReportPrintsFindingsAndASummaryAndJson() throws Exception {
        Platform platform = Platform.load(
                OpsTree.in(dir).chart("010-a", "020-b").chart("020-b").root());

        ValidationReport report = Validator.builder(platform).build().validate();

        assertThat(report.checks()).contains("test-plugin");
        assertThat(report.toString())
                .contains("WARNING chart-order ")
                .contains("Chart.yaml:5: 010-a is numbered")
                .endsWith("PASSED: environment default, 11 checks, 0 errors, 1 warnings, 6 notes\n");
        assertThat(report.toJson()).contains("\"passed\" : true").contains("\"check\" : \"chart-order\"");
    }
}
