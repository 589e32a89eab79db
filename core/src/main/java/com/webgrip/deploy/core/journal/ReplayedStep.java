package com.webgrip.deploy.core.journal;

import java.util.Optional;

/**
 * What a journal says about one step of a run.
 *
 * @param chart the chart folder
 * @param started whether the step started
 * @param finalState the final state (a {@code StepState} name), empty when the step did not finish
 * @param finalReason the reason of the final state
 * @param attempts the highest attempt number journaled
 * @param deployFrom the revision the last deploy intent started from (0: a new release, -1: none journaled)
 * @param deployedRevision the last revision journaled as deployed, 0 when none
 * @param decision the last non-waiting decision (such as {@code RollBack:WAVE}), empty when none
 * @param decisionReason its reason
 * @param rollbackFrom the revision of the last rollback intent, 0 when none
 * @param rollbackTarget its target (0: uninstall), -1 when no rollback intent was journaled
 * @param rolledBackRevision the revision the last completed rollback wrote, -1 when none completed
 * @param lastEntry the type of the last entry about this step
 */
public record ReplayedStep(
        String chart,
        boolean started,
        Optional<String> finalState,
        String finalReason,
        int attempts,
        int deployFrom,
        int deployedRevision,
        String decision,
        String decisionReason,
        int rollbackFrom,
        int rollbackTarget,
        int rolledBackRevision,
        Optional<EntryType> lastEntry) {

    /** Returns whether the journal shows a final state. */
    public boolean finished() {
        return finalState.isPresent();
    }

    /** Returns whether a rollback was journaled as intended but not as done. */
    public boolean rollbackInterrupted() {
        return rollbackTarget >= 0 && rolledBackRevision < 0;
    }
}
