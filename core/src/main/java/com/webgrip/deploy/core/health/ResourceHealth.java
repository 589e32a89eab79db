package com.webgrip.deploy.core.health;

import java.util.Objects;

/**
 * The health of one resource: its status, a machine-readable reason and a message for people.
 *
 * <p>Reasons follow Kubernetes' own words where one exists (see {@link Reasons}), so that a policy can
 * react to a crash loop or an image pull failure without parsing messages.
 *
 * @param resource the resource
 * @param status its status
 * @param reason a short reason token, such as {@code CrashLoopBackOff}; empty when there is none
 * @param message a sentence for people; empty when there is none
 */
public record ResourceHealth(ResourceRef resource, HealthStatus status, String reason, String message) {

    /** Checks that nothing is null. */
    public ResourceHealth {
        Objects.requireNonNull(resource, "resource required");
        Objects.requireNonNull(status, "status required");
        Objects.requireNonNull(reason, "reason required (empty when there is none)");
        Objects.requireNonNull(message, "message required (empty when there is none)");
    }

    /**
     * A resource that is Current.
     *
     * @param resource the resource
     * @return its health
     */
    public static ResourceHealth current(ResourceRef resource) {
        return new ResourceHealth(resource, HealthStatus.CURRENT, "", "");
    }

    /**
     * A resource with a status and a reason.
     *
     * @param resource the resource
     * @param status the status
     * @param reason the reason token
     * @param message the message
     * @return its health
     */
    public static ResourceHealth of(ResourceRef resource, HealthStatus status, String reason, String message) {
        return new ResourceHealth(resource, status, reason, message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(resource.toString()).append(' ').append(status);
        if (!reason.isEmpty()) {
            text.append(" (").append(reason).append(')');
        }
        if (!message.isEmpty()) {
            text.append(": ").append(message);
        }
        return text.toString();
    }
}
