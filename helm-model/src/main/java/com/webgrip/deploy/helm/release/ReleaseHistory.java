package com.webgrip.deploy.helm.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The revisions of one release, oldest first.
 *
 * <p><b>Last known good</b>: the highest revision whose status is {@code deployed} or {@code superseded} and that
 * the caller's health judgement accepts. Helm itself records only that a revision was deployed and later replaced;
 * whether it was healthy is not in Helm's record, so the caller supplies that judgement (for example, from its
 * deployment journal). Failed, pending, uninstalling and uninstalled revisions are never known good. Without a
 * judgement ({@link #lastKnownGood()}), every deployed or superseded revision counts as good, which is what
 * {@code helm rollback} to the previous revision assumes.
 */
public final class ReleaseHistory {
    private final List<Release> revisions;

    private ReleaseHistory(List<Release> revisions) {
        this.revisions = revisions;
    }

    /**
     * Builds a history from the revisions of one release, in any order.
     *
     * @throws IllegalArgumentException when the revisions belong to more than one release or repeat a number
     */
    public static ReleaseHistory of(List<Release> revisions) {
        List<Release> sorted = new ArrayList<>(revisions);
        sorted.sort(Comparator.comparingInt(Release::revision));
        for (int i = 0; i < sorted.size(); i++) {
            Release r = sorted.get(i);
            if (!r.name().equals(sorted.get(0).name())
                    || !r.namespace().equals(sorted.get(0).namespace())) {
                throw new IllegalArgumentException(
                        "a history holds one release; found " + sorted.get(0).namespace() + "/"
                                + sorted.get(0).name() + " and " + r.namespace() + "/" + r.name());
            }
            if (i > 0 && sorted.get(i - 1).revision() == r.revision()) {
                throw new IllegalArgumentException("revision " + r.revision() + " appears twice");
            }
        }
        return new ReleaseHistory(List.copyOf(sorted));
    }

    /** Returns every revision, oldest first. */
    public List<Release> revisions() {
        return revisions;
    }

    /** Returns the highest revision, whatever its status. */
    public Optional<Release> latest() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    /** Returns the highest revision with status {@code deployed} (Helm's current release). */
    public Optional<Release> lastDeployed() {
        return highest(r -> r.status() == ReleaseStatus.DEPLOYED);
    }

    /** Returns the superseded revisions, oldest first. */
    public List<Release> superseded() {
        return revisions.stream()
                .filter(r -> r.status() == ReleaseStatus.SUPERSEDED)
                .toList();
    }

    /** Returns the last known good revision, counting every deployed or superseded revision as healthy. */
    public Optional<Release> lastKnownGood() {
        return lastKnownGood(r -> true);
    }

    /**
     * Returns the highest deployed or superseded revision that {@code healthy} accepts.
     *
     * @param healthy the caller's judgement of whether a revision ran healthy
     */
    public Optional<Release> lastKnownGood(Predicate<Release> healthy) {
        Objects.requireNonNull(healthy, "healthy required");
        return highest(r ->
                (r.status() == ReleaseStatus.DEPLOYED || r.status() == ReleaseStatus.SUPERSEDED) && healthy.test(r));
    }

    /**
     * Returns the rollback target before {@code revision}: the highest known-good revision below it.
     *
     * @param healthy the caller's judgement of whether a revision ran healthy
     */
    public Optional<Release> lastKnownGoodBefore(int revision, Predicate<Release> healthy) {
        return lastKnownGood(r -> r.revision() < revision && healthy.test(r));
    }

    /** Returns whether an operation is under way on the latest revision (Helm's "another operation is in progress"). */
    public boolean hasPendingOperation() {
        return latest().map(r -> r.status().isPending()).orElse(false);
    }

    private Optional<Release> highest(Predicate<Release> test) {
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (test.test(revisions.get(i))) {
                return Optional.of(revisions.get(i));
            }
        }
        return Optional.empty();
    }
}
