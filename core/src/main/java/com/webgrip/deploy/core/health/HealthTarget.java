package com.webgrip.deploy.core.health;

import java.util.Objects;

/**
 * What a health check looks at: one revision of one Helm release.
 *
 * @param release the release name
 * @param namespace the release's namespace
 * @param revision the release revision whose resources should be healthy
 */
public record HealthTarget(String release, String namespace, int revision) {

    /** Checks the fields. */
    public HealthTarget {
        Objects.requireNonNull(release, "release required");
        Objects.requireNonNull(namespace, "namespace required");
        if (revision < 1) {
            throw new IllegalArgumentException("a release revision starts at 1, found " + revision);
        }
    }
}
