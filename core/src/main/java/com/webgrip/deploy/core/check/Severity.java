package com.webgrip.deploy.core.check;

/** How bad a finding is. An {@link #ERROR} fails validation; the others are reported. */
public enum Severity {
    /** Deploying would break a rule: validation fails. */
    ERROR,
    /** Worth a look; validation still passes. */
    WARNING,
    /** A note, such as a check that could not run fully. */
    INFO
}
