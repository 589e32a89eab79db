package com.webgrip.deploy.core.policy;

import com.webgrip.deploy.core.metrics.MetricQuery;
import com.webgrip.deploy.core.metrics.MetricReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Rolls back when a metric, such as an error rate, stays above a threshold for a sustained period; with the
 * thresholds of Argo Rollouts' analysis: a failure limit, an inconclusive limit and a limit on consecutive read
 * errors.
 *
 * <ul>
 *   <li>A reading above the threshold is a failure. When failures in a row (ignoring readings without data) span
 *       {@code sustainedFor}, or when the total number of failures exceeds {@code failureLimit} (if set), the policy
 *       rolls back.
 *   <li>A reading without data (no traffic, NaN) is inconclusive; more than {@code inconclusiveLimit} of them stop
 *       the run for a person, as Argo Rollouts pauses on an inconclusive analysis.
 *   <li>More than {@code consecutiveErrorLimit} failed reads in a row also stop for a person: a metric that cannot
 *       be read is not evidence that the release is bad.
 *   <li>Otherwise it waits until {@code analysisDuration} has passed since the deploy and the latest reading is
 *       within the threshold, then continues.
 * </ul>
 */
public final class ErrorRatePolicy implements RollbackPolicy {

    private final MetricQuery query;
    private final double threshold;
    private final Duration sustainedFor;
    private final Duration analysisDuration;
    private final int failureLimit;
    private final int inconclusiveLimit;
    private final int consecutiveErrorLimit;
    private final RollbackScope scope;

    private ErrorRatePolicy(Builder builder) {
        this.query = builder.query;
        this.threshold = builder.threshold;
        this.sustainedFor = builder.sustainedFor;
        this.analysisDuration = builder.analysisDuration == null ? builder.sustainedFor : builder.analysisDuration;
        this.failureLimit = builder.failureLimit;
        this.inconclusiveLimit = builder.inconclusiveLimit;
        this.consecutiveErrorLimit = builder.consecutiveErrorLimit;
        this.scope = builder.scope;
    }

    /**
     * A builder over a query; the threshold is required.
     *
     * @param query the metric to watch, such as the ratio of 5xx responses over a window
     * @return the builder
     */
    public static Builder builder(MetricQuery query) {
        return new Builder(query);
    }

    @Override
    public Decision decide(PolicyContext context) {
        if (context.trigger() != Trigger.OBSERVATION) {
            return Decision.proceed("no metric opinion on " + context.trigger());
        }
        List<MetricReading> readings = context.readings(query.name());
        Instant streakStart = null;
        Instant streakEnd = null;
        int failures = 0;
        int inconclusive = 0;
        int errorsInRow = 0;
        double last = Double.NaN;
        for (MetricReading reading : readings) {
            if (reading.failed()) {
                errorsInRow++;
                continue;
            }
            errorsInRow = 0;
            if (reading.inconclusive()) {
                inconclusive++;
                continue;
            }
            last = reading.value().getAsDouble();
            if (last > threshold) {
                failures++;
                streakStart = streakStart == null ? reading.at() : streakStart;
                streakEnd = reading.at();
            } else {
                streakStart = null;
            }
        }
        String name = query.name();
        if (streakStart != null && Duration.between(streakStart, streakEnd).compareTo(sustainedFor) >= 0) {
            return Decision.rollBack(
                    scope,
                    name + " " + percent(last) + " above " + percent(threshold) + " since " + streakStart + " ("
                            + Decision.format(Duration.between(streakStart, streakEnd)) + ", limit "
                            + Decision.format(sustainedFor) + ")");
        }
        if (failureLimit >= 0 && failures > failureLimit) {
            return Decision.rollBack(
                    scope,
                    name + " above " + percent(threshold) + " in " + failures + " readings (failure limit "
                            + failureLimit + ")");
        }
        if (errorsInRow > consecutiveErrorLimit) {
            return Decision.askPerson(name + " could not be read " + errorsInRow + " times in a row (limit "
                    + consecutiveErrorLimit + "): "
                    + readings.get(readings.size() - 1).error());
        }
        if (inconclusive > inconclusiveLimit) {
            return Decision.askPerson(name + " had no data in " + inconclusive + " readings (inconclusive limit "
                    + inconclusiveLimit + ")");
        }
        if (streakStart != null) {
            return Decision.keepWaiting(name + " " + percent(last) + " above " + percent(threshold) + " since "
                    + streakStart + "; rolls back once that lasts " + Decision.format(sustainedFor));
        }
        if (context.sinceDeploy().compareTo(analysisDuration) < 0) {
            return Decision.keepWaiting("analysing " + name + " for " + Decision.format(analysisDuration)
                    + (Double.isNaN(last) ? "" : ", last " + percent(last)));
        }
        return Decision.proceed(
                name + " stayed within " + percent(threshold) + " for " + Decision.format(analysisDuration));
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value * 100);
    }

    @Override
    public List<MetricQuery> metricQueries() {
        return List.of(query);
    }

    @Override
    public String describe() {
        return "roll back the " + scope.name().toLowerCase(Locale.ROOT) + " when " + query.name() + " stays above "
                + percent(threshold) + " for " + Decision.format(sustainedFor);
    }

    /** Builds an {@link ErrorRatePolicy}. */
    public static final class Builder {
        private final MetricQuery query;
        private double threshold = Double.NaN;
        private Duration sustainedFor;
        private Duration analysisDuration;
        private int failureLimit = -1;
        private int inconclusiveLimit = 3;
        private int consecutiveErrorLimit = 4;
        private RollbackScope scope = RollbackScope.STEP;

        private Builder(MetricQuery query) {
            this.query = Objects.requireNonNull(query, "query required");
            this.sustainedFor = query.window();
        }

        /**
         * Sets the highest acceptable value of the metric.
         *
         * @param ratio the highest acceptable value, such as {@code 0.05} for 5%
         * @return this builder
         */
        public Builder threshold(double ratio) {
            if (!(ratio >= 0) || Double.isInfinite(ratio)) {
                throw new IllegalArgumentException("a threshold is a finite number of 0 or more, found " + ratio);
            }
            this.threshold = ratio;
            return this;
        }

        /**
         * Sets how long the metric must stay above the threshold before a rollback.
         *
         * @param duration how long the metric must stay above the threshold to roll back (default: the query's
         *     window)
         * @return this builder
         */
        public Builder sustainedFor(Duration duration) {
            this.sustainedFor = nonNegative(duration, "sustainedFor");
            return this;
        }

        /**
         * Sets how long to watch the metric before continuing.
         *
         * @param duration how long to watch before continuing (default: {@code sustainedFor})
         * @return this builder
         */
        public Builder analysisDuration(Duration duration) {
            this.analysisDuration = nonNegative(duration, "analysisDuration");
            return this;
        }

        /**
         * Sets how many readings above the threshold are tolerated.
         *
         * @param limit roll back when more readings than this are above the threshold (default: unset, only the
         *     sustained period counts)
         * @return this builder
         */
        public Builder failureLimit(int limit) {
            this.failureLimit = atLeastZero(limit, "failureLimit");
            return this;
        }

        /**
         * Sets how many readings without data are tolerated.
         *
         * @param limit ask a person when more readings than this have no data (default 3)
         * @return this builder
         */
        public Builder inconclusiveLimit(int limit) {
            this.inconclusiveLimit = atLeastZero(limit, "inconclusiveLimit");
            return this;
        }

        /**
         * Sets how many failed reads in a row are tolerated.
         *
         * @param limit ask a person when more reads than this fail in a row (default 4, as Argo Rollouts)
         * @return this builder
         */
        public Builder consecutiveErrorLimit(int limit) {
            this.consecutiveErrorLimit = atLeastZero(limit, "consecutiveErrorLimit");
            return this;
        }

        /**
         * Sets what a rollback of this policy covers.
         *
         * @param what what to roll back (default: the step)
         * @return this builder
         */
        public Builder scope(RollbackScope what) {
            this.scope = Objects.requireNonNull(what, "scope required");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalStateException when no threshold was set
         */
        public ErrorRatePolicy build() {
            if (Double.isNaN(threshold)) {
                throw new IllegalStateException("an error rate policy needs a threshold");
            }
            return new ErrorRatePolicy(this);
        }

        private static Duration nonNegative(Duration duration, String what) {
            Objects.requireNonNull(duration, what + " required");
            if (duration.isNegative()) {
                throw new IllegalArgumentException(what + " must be zero or more, found " + duration);
            }
            return duration;
        }

        private static int atLeastZero(int value, String what) {
            if (value < 0) {
                throw new IllegalArgumentException(what + " must be zero or more, found " + value);
            }
            return value;
        }
    }
}
