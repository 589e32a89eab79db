package com.webgrip.deploy.core.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link RollbackPolicy} decided after a health verdict. A closed set: the executor handles each kind, and
 * every decision carries a reason that lands in the journal, the events and the run's result.
 */
public sealed interface Decision {

    /**
     * Why the policy decided so, in words for people.
     *
     * @return the reason
     */
    String reason();

    /**
     * How severe the decision is, for combining policies: the most severe decision wins.
     *
     * @return a rank; higher is more severe
     */
    int severity();

    /**
     * The step is done and healthy: go on with the run.
     *
     * @param reason why
     */
    record Continue(String reason) implements Decision {
        /** Checks the reason. */
        public Continue {
            Objects.requireNonNull(reason, "reason required");
        }

        @Override
        public int severity() {
            return 0;
        }
    }

    /**
     * Not decided yet: observe again after the executor's poll interval.
     *
     * @param reason why
     */
    record Wait(String reason) implements Decision {
        /** Checks the reason. */
        public Wait {
            Objects.requireNonNull(reason, "reason required");
        }

        @Override
        public int severity() {
            return 1;
        }
    }

    /**
     * Deploy the step again (up to the executor's attempt limit, with its backoff).
     *
     * @param reason why
     */
    record Retry(String reason) implements Decision {
        /** Checks the reason. */
        public Retry {
            Objects.requireNonNull(reason, "reason required");
        }

        @Override
        public int severity() {
            return 2;
        }
    }

    /**
     * Stop the run and ask a person; releases stay as they are.
     *
     * @param reason why
     */
    record AskPerson(String reason) implements Decision {
        /** Checks the reason. */
        public AskPerson {
            Objects.requireNonNull(reason, "reason required");
        }

        @Override
        public int severity() {
            return 3;
        }
    }

    /**
     * The step failed: stop the run without rolling anything back.
     *
     * @param reason why
     */
    record Fail(String reason) implements Decision {
        /** Checks the reason. */
        public Fail {
            Objects.requireNonNull(reason, "reason required");
        }

        @Override
        public int severity() {
            return 4;
        }
    }

    /**
     * Roll back the step, its wave or the whole run, to the last revisions known to be good, then stop.
     *
     * @param scope what to roll back
     * @param reason why
     */
    record RollBack(RollbackScope scope, String reason) implements Decision {
        /** Checks the fields. */
        public RollBack {
            Objects.requireNonNull(scope, "scope required");
            Objects.requireNonNull(reason, "reason required");
        }

        @Override
        public int severity() {
            return switch (scope) {
                case STEP -> 5;
                case WAVE -> 6;
                case RUN -> 7;
            };
        }
    }

    /**
     * Go on with the run.
     *
     * @param reason why
     * @return the decision
     */
    static Decision proceed(String reason) {
        return new Continue(reason);
    }

    /**
     * Observe again later.
     *
     * @param reason why
     * @return the decision
     */
    static Decision keepWaiting(String reason) {
        return new Wait(reason);
    }

    /**
     * Deploy the step again.
     *
     * @param reason why
     * @return the decision
     */
    static Decision retry(String reason) {
        return new Retry(reason);
    }

    /**
     * Stop and ask a person.
     *
     * @param reason why
     * @return the decision
     */
    static Decision askPerson(String reason) {
        return new AskPerson(reason);
    }

    /**
     * Fail the step and stop without rolling back.
     *
     * @param reason why
     * @return the decision
     */
    static Decision fail(String reason) {
        return new Fail(reason);
    }

    /**
     * Roll back.
     *
     * @param scope what to roll back
     * @param reason why
     * @return the decision
     */
    static Decision rollBack(RollbackScope scope, String reason) {
        return new RollBack(scope, reason);
    }

    /**
     * Formats a duration for reasons, such as {@code 2m30s}.
     *
     * @param duration the duration
     * @return the text
     */
    static String format(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
