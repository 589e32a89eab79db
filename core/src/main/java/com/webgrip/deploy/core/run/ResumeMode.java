package com.webgrip.deploy.core.run;

/** What {@code resume} does with a run that did not finish. */
public enum ResumeMode {
    /** Recover releases left pending, then go on where the run stopped (including a rollback it had decided). */
    CONTINUE,
    /** Recover releases left pending, then roll back every release the run changed, waves in reverse order. */
    ROLL_BACK
}
