package com.webgrip.deploy.core.run;

/** How a step ended. Every step of a run ends in exactly one of these, with a reason. */
public enum StepState {
    /** Deployed and healthy. */
    SUCCEEDED,
    /** Not healthy, not deployed, or its rollback failed; the reason says which. */
    FAILED,
    /** Deployed, then rolled back to the last revision known to be good (or uninstalled when there was none). */
    ROLLED_BACK,
    /** Not run, with the reason (an earlier failure, a refused approval, a dry run, an open circuit breaker). */
    SKIPPED,
    /** Stopped by a cancellation; the reason says at which revision the release was left. */
    CANCELLED
}
