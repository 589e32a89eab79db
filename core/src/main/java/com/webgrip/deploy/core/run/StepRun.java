package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.journal.ReplayedStep;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The mutable state of one step within a run; guarded by the run's lock. */
final class StepRun {

    final RunStep step;
    final int wave;
    /** What the journal said about this step when the run was resumed; null for a fresh run. */
    final ReplayedStep replayed;

    StepState state;
    String reason = "";
    Instant started;
    Instant finished;
    int attempts;
    /** The revision the last deploy started from (0: new release), -1 before any deploy. */
    int deployFrom = -1;

    int deployedRevision;
    int rolledBackTo;
    int finalRevision;
    /** Whether this run wrote a revision of the release that has not been rolled back. */
    boolean changed;
    /** Whether the step waits for a wave or run rollback. */
    boolean awaitingRollback;
    /** A revision deployed before a crash that the first attempt watches instead of deploying again; 0 for none. */
    int adoptRevision;
    /** Whether an interrupted rollback from the journal has been taken up. */
    boolean rollbackResumed;
    /** Revisions this run found unhealthy; never a rollback target. */
    final Set<Integer> unhealthy = new HashSet<>();
    /** The deploy call in progress, so a rollback never overlaps it. */
    CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);
    /** Masks this step's secret values (known once its values were resolved) in error text. */
    volatile Redactor redactor = Redactor.PATTERNS;

    StepRun(RunStep step, int wave, ReplayedStep replayed) {
        this.step = step;
        this.wave = wave;
        this.replayed = replayed;
    }

    String chart() {
        return step.chart();
    }

    boolean finished() {
        return state != null;
    }
}
