package com.webgrip.deploy.core.run;

/** How a run ended, with the command line's exit code for each. */
public enum RunOutcome {
    /** Every step succeeded. Exit code 0. */
    SUCCEEDED(0),
    /** A dry run: nothing was changed. Exit code 0. */
    DRY_RUN(0),
    /** A policy rolled back a step, its wave or the run, and every rollback worked. Exit code 3. */
    ROLLED_BACK(3),
    /** A step failed without a rollback (policy "never", an open circuit breaker). Exit code 4. */
    FAILED(4),
    /** A rollback itself failed: releases may need a person. Exit code 5. */
    ROLLBACK_FAILED(5),
    /** A policy stopped the run for a person. Exit code 6. */
    NEEDS_PERSON(6),
    /** The approval gate said no. Exit code 7. */
    APPROVAL_REFUSED(7),
    /** The run was cancelled; every release is at a known revision. Exit code 8. */
    CANCELLED(8),
    /** The run stopped because its journal could not be written; resume it. Exit code 9. */
    ABORTED(9);

    private final int exitCode;

    RunOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    /**
     * The exit code of {@code webgrip-deploy deploy} and {@code resume} for this outcome.
     *
     * @return the code
     */
    public int exitCode() {
        return exitCode;
    }
}
