package com.webgrip.deploy.helm.values;

import java.util.Objects;

/**
 * One place where values break a values.schema.json.
 *
 * @param chart the chart whose schema was broken ({@code parent} or a subchart's name or alias path)
 * @param path where in the values, as a JSON pointer ({@code /image/tag}; the root is an empty string)
 * @param keyword the schema keyword that failed ({@code type}, {@code required}, {@code additionalProperties})
 * @param message the validator's explanation (it names the schema's expectation, not the value)
 */
public record SchemaViolation(String chart, String path, String keyword, String message) {
    /** Validates that no component is null. */
    public SchemaViolation {
        Objects.requireNonNull(chart, "chart required");
        Objects.requireNonNull(path, "path required");
        Objects.requireNonNull(keyword, "keyword required");
        Objects.requireNonNull(message, "message required");
    }
}
