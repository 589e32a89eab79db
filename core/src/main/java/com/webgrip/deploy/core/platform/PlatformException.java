package com.webgrip.deploy.core.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Bad input in an {@code ops/} tree: a missing or malformed file, a field of the wrong type, a chart
 * folder that breaks the rules. The message starts with {@code file:line:} when both are known, says
 * what was expected and what was found, and never quotes a secret.
 */
public final class PlatformException extends IOException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // Path is not Serializable; a deserialized exception loses it
    private final transient Path file;

    private final int line;

    /**
     * An error in a file.
     *
     * @param file the file, or null when the error is not about one file
     * @param line the line from 1, or 0 when unknown
     * @param message what was expected and what was found
     */
    public PlatformException(Path file, int line, String message) {
        super(prefix(file, line) + message);
        this.file = file;
        this.line = line;
    }

    /** An error in a file, caused by another. */
    public PlatformException(Path file, int line, String message, Throwable cause) {
        super(prefix(file, line) + message, cause);
        this.file = file;
        this.line = line;
    }

    /** The file, when the error is about one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The line from 1, or 0 when unknown. */
    public int line() {
        return line;
    }

    private static String prefix(Path file, int line) {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }
}
