package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.run.RunEvent;
import com.webgrip.deploy.core.run.RunOutcome;
import com.webgrip.deploy.core.run.StepResult;
import com.webgrip.deploy.core.run.StepState;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/** Assertions on a finished run: its outcome, each step's final state, rollbacks and the order of events. */
public final class RunAssert {

    private final SimulatedRun run;

    RunAssert(SimulatedRun run) {
        this.run = run;
    }

    /**
     * Checks the run's outcome.
     *
     * @param outcome the expected outcome
     * @return this
     */
    public RunAssert hasOutcome(RunOutcome outcome) {
        if (run.result().outcome() != outcome) {
            throw fail("expected the run to end " + outcome + ", but it ended "
                    + run.result().outcome());
        }
        return this;
    }

    /**
     * Checks that every step succeeded.
     *
     * @return this
     */
    public RunAssert succeeded() {
        hasOutcome(RunOutcome.SUCCEEDED);
        return this;
    }

    /**
     * Checks that a step ended in a state.
     *
     * @param chart the step's chart folder
     * @param state the expected state
     * @return assertions on that step
     */
    public StepAssert step(String chart, StepState state) {
        StepResult step = find(chart);
        if (step.state() != state) {
            throw fail("expected " + chart + " to end " + state + ", but it ended " + step.state());
        }
        return new StepAssert(this, step);
    }

    /**
     * Checks that a step succeeded.
     *
     * @param chart the chart folder
     * @return assertions on that step
     */
    public StepAssert succeeded(String chart) {
        return step(chart, StepState.SUCCEEDED);
    }

    /**
     * Checks that a step failed.
     *
     * @param chart the chart folder
     * @return assertions on that step
     */
    public StepAssert failed(String chart) {
        return step(chart, StepState.FAILED);
    }

    /**
     * Checks that a step was skipped.
     *
     * @param chart the chart folder
     * @return assertions on that step
     */
    public StepAssert skipped(String chart) {
        return step(chart, StepState.SKIPPED);
    }

    /**
     * Checks that a step was cancelled.
     *
     * @param chart the chart folder
     * @return assertions on that step
     */
    public StepAssert cancelled(String chart) {
        return step(chart, StepState.CANCELLED);
    }

    /**
     * Checks that a step was rolled back.
     *
     * @param chart the chart folder
     * @return assertions on that step, with {@link StepAssert#toRevision}
     */
    public StepAssert rolledBack(String chart) {
        return step(chart, StepState.ROLLED_BACK);
    }

    /**
     * Checks that the rollbacks started in exactly this order.
     *
     * @param charts the chart folders, first rolled back first
     * @return this
     */
    public RunAssert rolledBackInOrder(String... charts) {
        List<String> actual = run.events().stream()
                .filter(e -> e instanceof RunEvent.RollbackStarted)
                .map(e -> ((RunEvent.RollbackStarted) e).chart())
                .toList();
        if (!actual.equals(List.of(charts))) {
            throw fail("expected rollbacks in the order " + List.of(charts) + ", but they were " + actual);
        }
        return this;
    }

    /**
     * Checks that events appear in this order (others may come between). Each expectation is an event kind,
     * optionally followed by a space and a chart folder: {@code "decision 060-grafana-stack"}.
     *
     * @param expectations the expected events in order
     * @return this
     */
    public RunAssert hasEventsInOrder(String... expectations) {
        List<String> seen = run.events().stream().map(RunAssert::describe).toList();
        int at = 0;
        for (String expected : expectations) {
            while (at < seen.size() && !matches(seen.get(at), expected)) {
                at++;
            }
            if (at == seen.size()) {
                throw fail("expected the events " + List.of(expectations) + " in order; [" + expected
                        + "] did not follow. The events were:\n  " + String.join("\n  ", seen));
            }
            at++;
        }
        return this;
    }

    /**
     * Checks that each step has exactly one final step event, agreeing with the result.
     *
     * @return this
     */
    public RunAssert everyStepEndedOnce() {
        List<String> problems = new ArrayList<>();
        for (StepResult step : run.result().steps()) {
            List<RunEvent.StepFinished> finished = run.events().stream()
                    .filter(e -> e instanceof RunEvent.StepFinished)
                    .map(e -> (RunEvent.StepFinished) e)
                    .filter(e -> e.chart().equals(step.chart()))
                    .toList();
            if (finished.isEmpty() || finished.get(finished.size() - 1).state() != step.state()) {
                problems.add(step.chart() + " ended " + step.state() + " but its events say "
                        + finished.stream().map(f -> f.state().name()).collect(Collectors.toList()));
            }
            if (step.reason().isBlank()) {
                problems.add(step.chart() + " ended " + step.state() + " without a reason");
            }
        }
        if (!problems.isEmpty()) {
            throw fail(String.join("; ", problems));
        }
        return this;
    }

    /** Returns the run under test. */
    public SimulatedRun run() {
        return run;
    }

    private StepResult find(String chart) {
        try {
            return run.result().step(chart);
        } catch (NoSuchElementException e) {
            throw fail(e.getMessage());
        }
    }

    private static String describe(RunEvent event) {
        return event instanceof RunEvent.StepEvent step ? event.kind() + " " + step.chart() : event.kind();
    }

    private static boolean matches(String seen, String expected) {
        return seen.equals(expected) || (!expected.contains(" ") && seen.startsWith(expected + " "));
    }

    AssertionFailedError fail(String message) {
        return new AssertionFailedError(message + "\nrun: " + run.result() + "\nsteps:\n  "
                + run.result().steps().stream().map(StepResult::toString).collect(Collectors.joining("\n  ")));
    }

    /** Assertions on one step of the run. */
    public static final class StepAssert {
        private final RunAssert parent;
        private final StepResult step;

        StepAssert(RunAssert parent, StepResult step) {
            this.parent = parent;
            this.step = step;
        }

        /**
         * Checks that the rollback restored this revision.
         *
         * @param revision the revision rolled back to (0 for an uninstall)
         * @return this
         */
        public StepAssert toRevision(int revision) {
            if (step.rolledBackTo() != revision) {
                throw parent.fail("expected " + step.chart() + " rolled back to revision " + revision
                        + ", but it was rolled back to " + step.rolledBackTo());
            }
            return this;
        }

        /**
         * Checks that the step's reason mentions a text.
         *
         * @param text part of the reason
         * @return this
         */
        public StepAssert because(String text) {
            if (!step.reason().contains(text)) {
                throw parent.fail("expected the reason of " + step.chart() + " to mention [" + text + "], but it is ["
                        + step.reason() + "]");
            }
            return this;
        }

        /**
         * Checks the number of deploy attempts.
         *
         * @param count the expected attempts
         * @return this
         */
        public StepAssert afterAttempts(int count) {
            if (step.attempts() != count) {
                throw parent.fail(
                        "expected " + step.chart() + " to take " + count + " attempts, but it took " + step.attempts());
            }
            return this;
        }

        /** Returns the run's assertions, to go on. */
        public RunAssert and() {
            return parent;
        }
    }
}
