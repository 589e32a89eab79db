package com.webgrip.deploy.core.check;

import com.webgrip.deploy.core.plan.DeploymentPlan;
import com.webgrip.deploy.core.plan.Step;
import com.webgrip.deploy.core.platform.Environment;
import com.webgrip.deploy.core.platform.Platform;
import com.webgrip.deploy.core.platform.SecretDecryptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Runs the pre-deployment checks over a platform's plan for one environment and the manifests its
 * charts render to: the manual checklist of the procedures, made executable.
 *
 * <pre>{@code
 * ValidationReport report = Validator.builder(platform).environment("staging").renderer(renderer).build().validate();
 * }</pre>
 */
public final class Validator {
    private final Platform platform;
    private final String environment;
    private final DeploymentPlan plan;
    private final ManifestRenderer renderer;
    private final ReleaseHistory releases;
    private final SecretDecryptor decryptor;
    private final boolean strict;
    private final List<Check> checks;

    private Validator(Builder b) {
        this.platform = b.platform;
        this.environment = b.environment;
        this.plan = b.plan;
        this.renderer = b.renderer;
        this.releases = b.releases;
        this.decryptor = b.decryptor;
        this.strict = b.strict;
        this.checks = List.copyOf(b.checks);
    }

    /** A builder over a platform; its environment defaults to {@code default} or the only one. */
    public static Builder builder(Platform platform) {
        return new Builder(platform);
    }

    /** The checks that come with the library, in the order they run. */
    public static List<Check> builtInChecks() {
        return List.of(
                new YamlCheck(),
                new ChartOrderCheck(),
                new ResourcesCheck(),
                new ProbesCheck(),
                new SecurityContextCheck(),
                new ImageTagCheck(),
                new NetworkPolicyCheck(),
                new ChartVersionCheck(),
                new SopsFilesCheck(),
                new ClearTextSecretCheck());
    }

    /** The checks on the class path's {@code META-INF/services}, for plug-ins. */
    public static List<Check> discoveredChecks() {
        List<Check> found = new ArrayList<>();
        ServiceLoader.load(Check.class).forEach(found::add);
        return found;
    }

    /** Renders the charts (when a renderer was given), runs every check and collects the findings. */
    public ValidationReport validate() throws IOException {
        DeploymentPlan target = plan != null ? plan : platform.plan(environment);
        List<Finding> findings = new ArrayList<>();
        List<Manifest> manifests = new ArrayList<>();
        if (renderer != null) {
            for (Step step : target.steps()) {
                if (step.chartDirectory().isEmpty()) {
                    continue;
                }
                try {
                    manifests.addAll(renderer.render(step, step.maskedUserValues()));
                } catch (IOException e) {
                    findings.add(Finding.of(
                            Severity.ERROR,
                            "render",
                            step.chartDirectory().get(),
                            0,
                            step.chart() + " does not render: " + e.getMessage(),
                            "run helm template on the chart"));
                }
            }
        }
        CheckContext context = new CheckContext(
                platform, target, manifests, renderer != null, releases, Optional.ofNullable(decryptor), strict);
        List<String> ids = new ArrayList<>();
        for (Check check : checks) {
            ids.add(check.id());
            findings.addAll(check.run(context));
        }
        findings.sort(Comparator.comparing(Finding::severity)
                .thenComparing(Finding::checkId)
                .thenComparing(f -> f.file().map(Object::toString).orElse(""))
                .thenComparingInt(Finding::line));
        return new ValidationReport(target.environment(), ids, findings);
    }

    /** Builds a {@link Validator}. */
    public static final class Builder {
        private final Platform platform;
        private String environment;
        private DeploymentPlan plan;
        private ManifestRenderer renderer;
        private ReleaseHistory releases = ReleaseHistory.none();
        private SecretDecryptor decryptor;
        private boolean strict;
        private final List<Check> checks = new ArrayList<>();

        private Builder(Platform platform) {
            this.platform = Objects.requireNonNull(platform, "platform required");
            this.environment = platform.environments().size() == 1
                    ? platform.environments().keySet().iterator().next()
                    : Environment.DEFAULT;
            checks.addAll(builtInChecks());
            checks.addAll(discoveredChecks());
        }

        /** The environment to validate. */
        public Builder environment(String name) {
            this.environment = platform.environment(name).name();
            return this;
        }

        /** A plan to validate instead of the plan of every chart (e.g. a selection). */
        public Builder plan(DeploymentPlan value) {
            this.plan = Objects.requireNonNull(value, "plan required");
            this.environment = value.environment();
            return this;
        }

        /** Renders charts for the manifest checks; without one, they report that they could not run. */
        public Builder renderer(ManifestRenderer value) {
            this.renderer = Objects.requireNonNull(value, "renderer required");
            return this;
        }

        /** Where the chart-version check finds the last releases. */
        public Builder releases(ReleaseHistory value) {
            this.releases = Objects.requireNonNull(value, "release history required");
            return this;
        }

        /** Opens SOPS files to verify their MACs. */
        public Builder decryptor(SecretDecryptor value) {
            this.decryptor = Objects.requireNonNull(value, "decryptor required");
            return this;
        }

        /** Makes strict-mode findings (chart order) errors. */
        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        /** Runs only these checks. */
        public Builder checks(List<Check> value) {
            checks.clear();
            checks.addAll(value);
            return this;
        }

        /** The validator. */
        public Validator build() {
            return new Validator(this);
        }
    }
}
