package com.webgrip.deploy.core.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something people should hear about a run: a failure, a rollback, the outcome. Never holds values or secrets.
 *
 * @param at when it happened
 * @param runId the run
 * @param environment the environment
 * @param severity how urgent it is
 * @param title a one-line summary
 * @param text a few sentences
 * @param details named facts, such as the outcome and the chart
 */
public record Notification(
        Instant at,
        String runId,
        String environment,
        Severity severity,
        String title,
        String text,
        Map<String, String> details) {

    /** How urgent a notification is, as PagerDuty grades events. */
    public enum Severity {
        /** For the record. */
        INFO,
        /** Someone should look. */
        WARNING,
        /** Something is broken. */
        ERROR,
        /** Someone must act now. */
        CRITICAL
    }

    /** Checks and copies. */
    public Notification {
        Objects.requireNonNull(at, "at required");
        Objects.requireNonNull(runId, "runId required");
        Objects.requireNonNull(environment, "environment required");
        Objects.requireNonNull(severity, "severity required");
        Objects.requireNonNull(title, "title required");
        Objects.requireNonNull(text, "text required");
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
