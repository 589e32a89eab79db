package com.webgrip.deploy.core.run;

import java.util.concurrent.CompletionStage;

/** A run in progress: its result when it ends, and a way to cancel it. */
public interface RunHandle {

    /** Returns the run's identifier, also the name of its journal. */
    String runId();

    /** Returns the result, completed when the run ends (never exceptionally). */
    CompletionStage<RunResult> result();

    /**
     * Cancels the run: no new step or attempt starts, steps being watched stop at their next observation, deploy
     * and rollback calls in progress finish first, so every release is left at a known revision (none pending).
     * Steps that had not started end Cancelled.
     */
    void cancel();
}
