package com.webgrip.deploy.core.policy;

import java.util.Objects;

/**
 * A security finding about a deployed release, such as a vulnerable image found by a scanner.
 *
 * @param id the finding's identifier, such as a CVE id
 * @param severity how severe it is
 * @param subject what it is about, such as an image reference
 * @param summary a sentence for people
 */
public record SecurityFinding(String id, Severity severity, String subject, String summary) {

    /** Checks that nothing is null. */
    public SecurityFinding {
        Objects.requireNonNull(id, "id required");
        Objects.requireNonNull(severity, "severity required");
        Objects.requireNonNull(subject, "subject required");
        Objects.requireNonNull(summary, "summary required");
    }

    @Override
    public String toString() {
        return severity + " " + id + " in " + subject;
    }
}
