package com.webgrip.deploy.helm.release;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A release's {@code info}: its status, when it was first and last deployed, when it was deleted, and the
 * description and notes Helm stores.
 *
 * @param status the status
 * @param firstDeployed when revision 1 was deployed
 * @param lastDeployed when this revision was deployed
 * @param deleted when it was uninstalled, if it was
 * @param description Helm's description ("Install complete", "Upgrade complete", "Rollback to 3", ...)
 * @param notes the rendered NOTES.txt, or empty
 */
public record ReleaseInfo(
        ReleaseStatus status,
        OffsetDateTime firstDeployed,
        OffsetDateTime lastDeployed,
        Optional<OffsetDateTime> deleted,
        String description,
        String notes) {
    /** Validates that no component is null. */
    public ReleaseInfo {
        Objects.requireNonNull(status, "status required");
        Objects.requireNonNull(firstDeployed, "firstDeployed required");
        Objects.requireNonNull(lastDeployed, "lastDeployed required");
        Objects.requireNonNull(deleted, "deleted required");
        Objects.requireNonNull(description, "description required");
        Objects.requireNonNull(notes, "notes required");
    }

    /** Returns a copy with another status. */
    public ReleaseInfo withStatus(ReleaseStatus newStatus) {
        return new ReleaseInfo(newStatus, firstDeployed, lastDeployed, deleted, description, notes);
    }
}
