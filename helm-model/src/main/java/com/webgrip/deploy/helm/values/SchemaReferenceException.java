package com.webgrip.deploy.helm.values;

import com.webgrip.deploy.helm.HelmInputException;
import java.util.Objects;

/**
 * A values.schema.json that needs a document outside itself: a {@code $ref} to another file or URL, or a
 * {@code $schema} that names a meta-schema Helm does not know. Such documents are never fetched (not over the
 * network, not from disk), so the schema cannot be used; the error names the reference as it was resolved.
 */
public final class SchemaReferenceException extends HelmInputException {
    private static final long serialVersionUID = 1L;

    private final String reference;

    SchemaReferenceException(String source, String reference, String what) {
        super(
                source,
                0,
                what + " " + quoted(reference) + " is outside the schema; schemas are never loaded from the network"
                        + " or from files (Helm 3.21 would try to load it)");
        this.reference = Objects.requireNonNull(reference, "reference required");
    }

    /** Returns the absolute IRI of the document the schema refers to ({@code https://example.com/defs.json}). */
    public String reference() {
        return reference;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
