package com.webgrip.deploy.helm;

import java.io.IOException;
import java.util.Objects;

/**
 * Bad input in one of Helm's formats: a Chart.yaml, a values file, a chart archive, a platform folder, a release
 * record. The message names the source, the line when known, what was expected and what was found; it never
 * contains a value from a values file, because values may be decrypted secrets.
 */
public class HelmInputException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    /**
     * Creates an error about {@code source}.
     *
     * @param source the file, archive entry or flag the input came from
     * @param line the 1-based line of the problem, or 0 when no line applies
     * @param problem what was expected and what was found
     */
    public HelmInputException(String source, int line, String problem) {
        this(source, line, problem, null);
    }

    /**
     * Creates an error about {@code source} with the lower-level cause.
     *
     * @param source the file, archive entry or flag the input came from
     * @param line the 1-based line of the problem, or 0 when no line applies
     * @param problem what was expected and what was found
     * @param cause the lower-level failure, or null
     */
    public HelmInputException(String source, int line, String problem, Throwable cause) {
        super(format(source, line, problem), cause);
        this.source = Objects.requireNonNull(source, "source required");
        this.line = line;
    }

    private static String format(String source, int line, String problem) {
        return line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem;
    }

    /** Returns the file, archive entry or flag the bad input came from. */
    public String source() {
        return source;
    }

    /** Returns the 1-based line of the problem, or 0 when no line applies. */
    public int line() {
        return line;
    }
}
