package com.webgrip.deploy.core.check;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a check found: how bad, which check, where (file and line, when known), what, and a
 * hint on how to fix it. A message never holds a secret value.
 *
 * @param severity how bad
 * @param checkId the check's id, e.g. {@code resources}
 * @param file the file, when the finding is about one
 * @param line the line from 1, or 0 when unknown
 * @param message what was found
 * @param hint how to fix it
 */
public record Finding(Severity severity, String checkId, Optional<Path> file, int line, String message, String hint) {

    /** Checks the fields. */
    public Finding {
        Objects.requireNonNull(severity, "severity required");
        Objects.requireNonNull(checkId, "check id required");
        Objects.requireNonNull(file, "file required (empty when none)");
        Objects.requireNonNull(message, "message required");
        Objects.requireNonNull(hint, "hint required");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (unknown) or more, found " + line);
        }
    }

    /** A finding about a file. */
    public static Finding of(Severity severity, String checkId, Path file, int line, String message, String hint) {
        return new Finding(severity, checkId, Optional.ofNullable(file), line, message, hint);
    }

    /** {@code ERROR resources helm/x/templates/d.yaml:12: message (hint: …)}. */
    @Override
    public String toString() {
        StringBuilder text =
                new StringBuilder(severity.name()).append(' ').append(checkId).append(' ');
        file.ifPresent(f -> text.append(f).append(line > 0 ? ":" + line : "").append(": "));
        text.append(message);
        if (!hint.isEmpty()) {
            text.append(" (hint: ").append(hint).append(')');
        }
        return text.toString();
    }
}
