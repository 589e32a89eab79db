package com.webgrip.deploy.core.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks for a yes before a run that needs one (an environment such as production) changes anything. The answer is
 * journaled before the run acts on it.
 */
@FunctionalInterface
public interface ApprovalGate {

    /** The default gate: no one is there to say yes, so the answer is no. */
    ApprovalGate NOBODY = request -> CompletableFuture.completedFuture(
            Approval.no("nobody", "no approval gate is configured and " + request.environment() + " needs a yes"));

    /**
     * Asks for approval; the answer may come later (a chat button, a ticket).
     *
     * @param request what is to be approved
     * @return the answer
     */
    CompletionStage<Approval> request(ApprovalRequest request);

    /**
     * A gate that approves everything in the name of someone, for automation that has already been approved
     * elsewhere (a protected CI job).
     *
     * @param who who approves
     * @return the gate
     */
    static ApprovalGate approvedBy(String who) {
        return request -> CompletableFuture.completedFuture(Approval.yes(who));
    }
}
