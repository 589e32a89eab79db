package com.webgrip.deploy.core.policy;

/** Why the executor asks a policy for a decision. */
public enum Trigger {
    /** A new health observation (and metric readings) of a deployed step. */
    OBSERVATION,
    /** The step did not finish within its timeout; Continue and Wait are not possible answers. */
    TIMEOUT,
    /** The deployer failed to install or upgrade the release after its retries. */
    DEPLOY_FAILED
}
