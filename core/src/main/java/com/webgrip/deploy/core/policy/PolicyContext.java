package com.webgrip.deploy.core.policy;

import com.webgrip.deploy.core.health.HealthObservation;
import com.webgrip.deploy.core.health.HealthReport;
import com.webgrip.deploy.core.health.HealthStatus;
import com.webgrip.deploy.core.metrics.MetricReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link RollbackPolicy} may look at: the step, why it is asked, the time, the step's health history
 * since it was deployed, the readings of the policy's metrics and the security findings. Immutable.
 */
public final class PolicyContext {

    private final String chart;
    private final String release;
    private final String namespace;
    private final int wave;
    private final Trigger trigger;
    private final Instant now;
    private final Instant deployedAt;
    private final int attempt;
    private final int revision;
    private final List<HealthObservation> health;
    private final List<MetricReading> metrics;
    private final List<SecurityFinding> findings;
    private final String failure;

    private PolicyContext(Builder builder) {
        this.chart = builder.chart;
        this.release = builder.release;
        this.namespace = builder.namespace;
        this.wave = builder.wave;
        this.trigger = builder.trigger;
        this.now = builder.now;
        this.deployedAt = builder.deployedAt;
        this.attempt = builder.attempt;
        this.revision = builder.revision;
        this.health = List.copyOf(builder.health);
        this.metrics = List.copyOf(builder.metrics);
        this.findings = List.copyOf(builder.findings);
        this.failure = builder.failure;
    }

    /**
     * A builder; chart, release, now and deployedAt are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the chart folder of the step, such as {@code 060-grafana-stack}. */
    public String chart() {
        return chart;
    }

    /** Returns the release name. */
    public String release() {
        return release;
    }

    /** Returns the release's namespace. */
    public String namespace() {
        return namespace;
    }

    /** Returns the index of the step's wave, from 0. */
    public int wave() {
        return wave;
    }

    /** Returns why the policy is asked. */
    public Trigger trigger() {
        return trigger;
    }

    /** Returns the current time. */
    public Instant now() {
        return now;
    }

    /** Returns when the deployer finished installing or upgrading the release (or gave up). */
    public Instant deployedAt() {
        return deployedAt;
    }

    /** Returns the attempt number, from 1. */
    public int attempt() {
        return attempt;
    }

    /** Returns the deployed revision, 0 when the deploy failed before one existed. */
    public int revision() {
        return revision;
    }

    /** Returns the health observations since the deploy, oldest first. */
    public List<HealthObservation> health() {
        return health;
    }

    /** Returns the metric readings since the deploy, oldest first, all queries interleaved. */
    public List<MetricReading> metrics() {
        return metrics;
    }

    /** Returns the security findings about the deployed revision. */
    public List<SecurityFinding> findings() {
        return findings;
    }

    /** Returns why the deploy failed or timed out; empty for an observation. */
    public String failure() {
        return failure;
    }

    /** Returns how long ago the release was deployed. */
    public Duration sinceDeploy() {
        return Duration.between(deployedAt, now);
    }

    /** Returns the latest health observation, if any. */
    public Optional<HealthObservation> latestHealth() {
        return health.isEmpty() ? Optional.empty() : Optional.of(health.get(health.size() - 1));
    }

    /**
     * How many of the latest observations in a row have the given aggregate status.
     *
     * @param status the status
     * @return the length of that run at the end of the history
     */
    public int trailing(HealthStatus status) {
        int count = 0;
        for (int i = health.size() - 1; i >= 0 && health.get(i).status() == status; i--) {
            count++;
        }
        return count;
    }

    /**
     * The readings of one metric, oldest first.
     *
     * @param name the query's name
     * @return its readings
     */
    public List<MetricReading> readings(String name) {
        return metrics.stream().filter(r -> r.query().name().equals(name)).toList();
    }

    @Override
    public String toString() {
        return "PolicyContext[" + chart + " (" + release + "/" + namespace + ") revision " + revision + " attempt "
                + attempt + ", " + trigger + " at " + now + ", " + health.size() + " health observations, "
                + metrics.size() + " metric readings, " + findings.size() + " findings]";
    }

    /** Builds a {@link PolicyContext}; a policy test builds one by hand. */
    public static final class Builder {
        private String chart;
        private String release;
        private String namespace = "default";
        private int wave;
        private Trigger trigger = Trigger.OBSERVATION;
        private Instant now;
        private Instant deployedAt;
        private int attempt = 1;
        private int revision = 1;
        private final List<HealthObservation> health = new ArrayList<>();
        private final List<MetricReading> metrics = new ArrayList<>();
        private final List<SecurityFinding> findings = new ArrayList<>();
        private String failure = "";

        private Builder() {}

        /**
         * The step's chart folder and release.
         *
         * @param chartFolder the chart folder, such as {@code 060-grafana-stack}
         * @param releaseName the release name
         * @param releaseNamespace the release's namespace
         * @return this builder
         */
        public Builder step(String chartFolder, String releaseName, String releaseNamespace) {
            this.chart = Objects.requireNonNull(chartFolder, "chart required");
            this.release = Objects.requireNonNull(releaseName, "release required");
            this.namespace = Objects.requireNonNull(releaseNamespace, "namespace required");
            return this;
        }

        /**
         * Sets the index of the step's wave.
         *
         * @param index the wave index, from 0
         * @return this builder
         */
        public Builder wave(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("a wave index is 0 or more, found " + index);
            }
            this.wave = index;
            return this;
        }

        /**
         * Sets why the policy is asked.
         *
         * @param why why the policy is asked
         * @return this builder
         */
        public Builder trigger(Trigger why) {
            this.trigger = Objects.requireNonNull(why, "trigger required");
            return this;
        }

        /**
         * Sets the current time.
         *
         * @param time the current time
         * @return this builder
         */
        public Builder now(Instant time) {
            this.now = Objects.requireNonNull(time, "now required");
            return this;
        }

        /**
         * Sets when the release was deployed.
         *
         * @param time when the release was deployed
         * @return this builder
         */
        public Builder deployedAt(Instant time) {
            this.deployedAt = Objects.requireNonNull(time, "deployedAt required");
            return this;
        }

        /**
         * Sets the attempt number.
         *
         * @param number the attempt, from 1
         * @return this builder
         */
        public Builder attempt(int number) {
            if (number < 1) {
                throw new IllegalArgumentException("attempts count from 1, found " + number);
            }
            this.attempt = number;
            return this;
        }

        /**
         * Sets the deployed revision.
         *
         * @param number the deployed revision, 0 when none
         * @return this builder
         */
        public Builder revision(int number) {
            if (number < 0) {
                throw new IllegalArgumentException("a revision is 0 or more, found " + number);
            }
            this.revision = number;
            return this;
        }

        /**
         * Adds one health observation.
         *
         * @param at when
         * @param report what was seen
         * @return this builder
         */
        public Builder observed(Instant at, HealthReport report) {
            health.add(new HealthObservation(at, report));
            return this;
        }

        /**
         * Adds health observations.
         *
         * @param observations the observations, oldest first
         * @return this builder
         */
        public Builder health(List<HealthObservation> observations) {
            health.addAll(observations);
            return this;
        }

        /**
         * Adds metric readings.
         *
         * @param readings the readings, oldest first
         * @return this builder
         */
        public Builder metrics(List<MetricReading> readings) {
            metrics.addAll(readings);
            return this;
        }

        /**
         * Adds one metric reading.
         *
         * @param reading the reading
         * @return this builder
         */
        public Builder reading(MetricReading reading) {
            metrics.add(Objects.requireNonNull(reading, "reading required"));
            return this;
        }

        /**
         * Adds security findings.
         *
         * @param found the findings
         * @return this builder
         */
        public Builder findings(List<SecurityFinding> found) {
            findings.addAll(found);
            return this;
        }

        /**
         * Sets why the deploy failed or timed out.
         *
         * @param why why the deploy failed or timed out
         * @return this builder
         */
        public Builder failure(String why) {
            this.failure = Objects.requireNonNull(why, "failure required");
            return this;
        }

        /**
         * Builds the context.
         *
         * @return the context
         * @throws IllegalStateException when chart, release, now or deployedAt is missing, or deployedAt is after
         *     now
         */
        public PolicyContext build() {
            if (chart == null || release == null) {
                throw new IllegalStateException("a policy context needs the step: call step(chart, release, ns)");
            }
            if (now == null || deployedAt == null) {
                throw new IllegalStateException("a policy context needs now and deployedAt");
            }
            if (deployedAt.isAfter(now)) {
                throw new IllegalStateException(
                        "deployedAt " + deployedAt + " is after now " + now + "; expected it at or before now");
            }
            return new PolicyContext(this);
        }
    }
}
