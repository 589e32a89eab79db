package com.webgrip.deploy.helm.chart;

import java.util.Objects;

/**
 * One {@code helm lint} finding.
 *
 * @param severity how bad it is
 * @param path the file or folder Helm names ({@code Chart.yaml}, {@code values.yaml}, {@code templates/}, the
 *     chart's folder)
 * @param line the 1-based line in that file when known, else 0 (Helm gives no lines; this is our addition)
 * @param message Helm's message text
 */
public record LintFinding(Severity severity, String path, int line, String message) {
    /** Helm's severities. */
    public enum Severity {
        INFO,
        WARNING,
        ERROR
    }

    /** Validates that no component is null. */
    public LintFinding {
        Objects.requireNonNull(severity, "severity required");
        Objects.requireNonNull(path, "path required");
        Objects.requireNonNull(message, "message required");
    }

    /** Returns the finding as {@code helm lint} prints it: {@code [INFO] Chart.yaml: icon is recommended}. */
    public String toHelmString() {
        return "[" + severity + "] " + path + ": " + message;
    }
}
