package com.webgrip.deploy.core.policy;

import com.webgrip.deploy.core.health.HealthObservation;
import com.webgrip.deploy.core.health.HealthStatus;

/**
 * Never rolls back by itself: when health fails (or the step times out, or its deploy fails) it either fails the run
 * and leaves the releases as they are, or stops and asks a person.
 */
final class ManualPolicy implements RollbackPolicy {

    private final boolean askPerson;

    ManualPolicy(boolean askPerson) {
        this.askPerson = askPerson;
    }

    @Override
    public Decision decide(PolicyContext context) {
        if (context.trigger() == Trigger.DEPLOY_FAILED) {
            return stop("deploy failed: " + context.failure());
        }
        if (context.trigger() == Trigger.TIMEOUT) {
            return stop("not healthy within the timeout");
        }
        HealthObservation latest = context.latestHealth().orElse(null);
        if (latest == null) {
            return Decision.keepWaiting("no health observed yet");
        }
        if (latest.status() == HealthStatus.CURRENT) {
            return Decision.proceed("healthy: " + latest.report().summary());
        }
        if (latest.status() == HealthStatus.FAILED) {
            return stop("health failed: " + latest.report().summary());
        }
        return Decision.keepWaiting(latest.report().summary());
    }

    private Decision stop(String why) {
        return askPerson
                ? Decision.askPerson(why + "; a person decides")
                : Decision.fail(why + "; this policy never rolls back");
    }

    @Override
    public String describe() {
        return askPerson ? "ask a person on failure" : "never roll back";
    }
}
