package com.webgrip.deploy.core.policy;

/** How much a rollback undoes. */
public enum RollbackScope {
    /** Only the release of the failing step. */
    STEP,
    /** Every release the run changed in the failing step's wave, in reverse chart order. */
    WAVE,
    /** Every release the run changed, wave by wave in reverse order. */
    RUN
}
