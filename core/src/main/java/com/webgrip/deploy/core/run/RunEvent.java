package com.webgrip.deploy.core.run;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened in a run, in the order it happened. Events never hold values or secrets; listeners such as
 * {@link ProgressView} and {@link JsonEventStream} render them.
 */
public sealed interface RunEvent {

    /** Returns when it happened. */
    Instant at();

    /** Returns the run. */
    String runId();

    /** Returns the event's name in the JSON event stream, such as {@code step-finished}. */
    String kind();

    /** An event about one step of the run. */
    sealed interface StepEvent extends RunEvent
            permits StepStarted, Recovering, StepDeployed, HealthObserved, DecisionMade, RollbackStarted, StepFinished {
        /** Returns the step's chart folder, such as {@code 060-grafana-stack}. */
        String chart();
    }

    /**
     * A run started (or was resumed).
     *
     * @param at when
     * @param runId the run
     * @param environment the environment
     * @param waves the charts of each wave
     * @param resumed whether this is a resumed run
     */
    record RunStarted(Instant at, String runId, String environment, List<List<String>> waves, boolean resumed)
            implements RunEvent {
        /** Copies the waves. */
        public RunStarted {
            waves = waves.stream().map(List::copyOf).toList();
        }

        @Override
        public String kind() {
            return "run-started";
        }
    }

    /**
     * The approval gate answered.
     *
     * @param at when
     * @param runId the run
     * @param approved yes or no
     * @param by who answered
     * @param reason why
     */
    record ApprovalDecided(Instant at, String runId, boolean approved, String by, String reason) implements RunEvent {
        @Override
        public String kind() {
            return "approval-decided";
        }
    }

    /**
     * A wave started.
     *
     * @param at when
     * @param runId the run
     * @param wave its index
     * @param charts its charts
     */
    record WaveStarted(Instant at, String runId, int wave, List<String> charts) implements RunEvent {
        /** Copies the charts. */
        public WaveStarted {
            charts = List.copyOf(charts);
        }

        @Override
        public String kind() {
            return "wave-started";
        }
    }

    /**
     * A step's attempt started.
     *
     * @param at when
     * @param runId the run
     * @param chart the chart folder
     * @param attempt the attempt number
     */
    record StepStarted(Instant at, String runId, String chart, int attempt) implements StepEvent {
        @Override
        public String kind() {
            return "step-started";
        }
    }

    /**
     * A release left pending by an interrupted operation is being recovered.
     *
     * @param at when
     * @param runId the run
     * @param chart the chart folder
     * @param action what is done, such as {@code rollback to 4}
     */
    record Recovering(Instant at, String runId, String chart, String action) implements StepEvent {
        @Override
        public String kind() {
            return "recovering";
        }
    }

    /**
     * The deployer wrote a revision.
     *
     * @param at when
     * @param runId the run
     * @param chart the chart folder
     * @param revision the revision
     */
    record StepDeployed(Instant at, String runId, String chart, int revision) implements StepEvent {
        @Override
        public String kind() {
            return "step-deployed";
        }
    }

    /**
     * A health check ran.
     *
     * @param at when
     * @param runId the run
     * @param chart the chart folder
     * @param status the aggregate status
     * @param summary the report's summary
     */
    record HealthObserved(Instant at, String runId, String chart, String status, String summary) implements StepEvent {
        @Override
        public String kind() {
            return "health-observed";
        }
    }

    /**
     * A policy decided something other than waiting.
     *
     * @param at when
     * @param runId the run
     * @param chart the chart folder
     * @param decision the decision kind, such as {@code RollBack}
     * @param reason the policy's reason
     */
    record DecisionMade(Instant at, String runId, String chart, String decision, String reason) implements StepEvent {
        @Override
        public String kind() {
            return "decision";
        }
    }

    /**
     * A rollback started.
     *
     * @param at when
     * @param runId the run
     * @param chart the chart folder
     * @param fromRevision the revision rolled back from
     * @param toRevision the target, 0 for an uninstall
     */
    record RollbackStarted(Instant at, String runId, String chart, int fromRevision, int toRevision)
            implements StepEvent {
        @Override
        public String kind() {
            return "rollback-started";
        }
    }

    /**
     * A step ended.
     *
     * @param at when
     * @param runId the run
     * @param chart the chart folder
     * @param state the final state
     * @param reason why
     * @param revision the release's revision at the end, 0 when none
     */
    record StepFinished(Instant at, String runId, String chart, StepState state, String reason, int revision)
            implements StepEvent {
        @Override
        public String kind() {
            return "step-finished";
        }
    }

    /**
     * A run ended.
     *
     * @param at when
     * @param runId the run
     * @param outcome the outcome
     * @param reason why
     */
    record RunFinished(Instant at, String runId, RunOutcome outcome, String reason) implements RunEvent {
        @Override
        public String kind() {
            return "run-finished";
        }
    }
}
