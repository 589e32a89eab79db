package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.policy.Decision;
import com.webgrip.deploy.core.policy.RollbackScope;

/** What became of one attempt of a step, as the executor acts on it. */
record Verdict(Kind kind, RollbackScope scope, String reason) {

    enum Kind {
        SUCCEEDED,
        RETRY,
        ROLLBACK,
        FAIL,
        ASK_PERSON,
        CANCELLED,
        SKIPPED,
        /** A dry run's deploy call answered; nothing was changed. */
        DRY_RUN
    }

    static Verdict of(Kind kind, String reason) {
        return new Verdict(kind, RollbackScope.STEP, reason);
    }

    /** Maps a policy's decision, its reason redacted (it may quote health messages or failures). */
    static Verdict from(Decision decision, Redactor redactor) {
        Verdict verdict = from(decision);
        return new Verdict(verdict.kind, verdict.scope, redactor.redact(verdict.reason));
    }

    /** Maps a policy's decision; a Wait never reaches here. */
    private static Verdict from(Decision decision) {
        if (decision instanceof Decision.Continue) {
            return of(Kind.SUCCEEDED, decision.reason());
        } else if (decision instanceof Decision.Retry) {
            return of(Kind.RETRY, decision.reason());
        } else if (decision instanceof Decision.RollBack rollBack) {
            return new Verdict(Kind.ROLLBACK, rollBack.scope(), decision.reason());
        } else if (decision instanceof Decision.AskPerson) {
            return of(Kind.ASK_PERSON, decision.reason());
        } else if (decision instanceof Decision.Fail) {
            return of(Kind.FAIL, decision.reason());
        }
        throw new IllegalStateException("a Wait decision is not a verdict");
    }

    /** How a decision is written in the journal: its kind, and the scope of a rollback. */
    static String journalName(Decision decision) {
        String name = decision.getClass().getSimpleName();
        return decision instanceof Decision.RollBack rollBack ? name + ":" + rollBack.scope() : name;
    }

    boolean succeeded() {
        return kind == Kind.SUCCEEDED || kind == Kind.DRY_RUN;
    }
}
