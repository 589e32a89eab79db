package com.webgrip.deploy.core.journal;

/** The kinds of journal entries, each written before the executor acts on it. */
public enum EntryType {
    /** A run began; the entry lists its steps in wave order. */
    RUN_STARTED,
    /** A crashed run was picked up again. */
    RUN_RESUMED,
    /** A person (or gate) answered the approval request. */
    APPROVAL,
    /** A step began. */
    STEP_STARTED,
    /** A release left pending by an interrupted operation is about to be recovered. */
    RECOVERY_INTENT,
    /** The deployer is about to install or upgrade a release. */
    DEPLOY_INTENT,
    /** The deployer wrote a revision. */
    DEPLOYED,
    /** A policy decided something other than waiting. */
    DECISION,
    /** A release is about to be rolled back (target revision) or uninstalled (target 0). */
    ROLLBACK_INTENT,
    /** A rollback wrote a revision (0 after an uninstall). */
    ROLLED_BACK,
    /** A step reached its final state. */
    STEP_FINISHED,
    /** The run reached its outcome. */
    RUN_FINISHED
}
