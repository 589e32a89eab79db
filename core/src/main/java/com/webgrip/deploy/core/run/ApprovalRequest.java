package com.webgrip.deploy.core.run;

import java.util.List;
import java.util.Objects;

/**
 * What a person is asked to approve.
 *
 * @param runId the run
 * @param environment the environment, such as {@code production}
 * @param charts the charts the run will deploy, in order
 */
public record ApprovalRequest(String runId, String environment, List<String> charts) {

    /** Checks and copies. */
    public ApprovalRequest {
        Objects.requireNonNull(runId, "runId required");
        Objects.requireNonNull(environment, "environment required");
        charts = List.copyOf(charts);
    }
}
