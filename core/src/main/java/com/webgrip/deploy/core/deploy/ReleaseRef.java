package com.webgrip.deploy.core.deploy;

import java.util.Objects;

/**
 * Names a Helm release: its name and namespace.
 *
 * @param name the release name
 * @param namespace the namespace
 */
public record ReleaseRef(String name, String namespace) {

    /** Checks the fields. */
    public ReleaseRef {
        Objects.requireNonNull(name, "release name required");
        Objects.requireNonNull(namespace, "namespace required");
        if (name.isBlank() || namespace.isBlank()) {
            throw new IllegalArgumentException(
                    "a release needs a name and a namespace, found [" + name + "] in [" + namespace + "]");
        }
    }

    /**
     * A release reference.
     *
     * @param name the release name
     * @param namespace the namespace
     * @return the reference
     */
    public static ReleaseRef of(String name, String namespace) {
        return new ReleaseRef(name, namespace);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
