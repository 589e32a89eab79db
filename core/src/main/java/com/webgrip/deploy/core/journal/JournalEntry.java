package com.webgrip.deploy.core.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a run journal. Fields that an entry type does not use are empty strings, zero or empty lists.
 *
 * @param at when it was written
 * @param runId the run
 * @param type what happened or is about to happen
 * @param chart the step's chart folder; empty for run-level entries
 * @param attempt the attempt number, or 0
 * @param revision the revision concerned (deployed, rolled back from, or written), or 0
 * @param target the rollback target revision (0 to uninstall), or 0
 * @param value the decision kind, step state, run outcome or approval answer; empty when none
 * @param reason why, in words; never a secret
 * @param steps for {@link EntryType#RUN_STARTED}: the steps as {@code wave:chart:release:namespace}, in order
 */
public record JournalEntry(
        Instant at,
        String runId,
        EntryType type,
        String chart,
        int attempt,
        int revision,
        int target,
        String value,
        String reason,
        List<String> steps) {

    /** Checks that nothing is null and copies the steps. */
    public JournalEntry {
        Objects.requireNonNull(at, "at required");
        Objects.requireNonNull(runId, "runId required");
        Objects.requireNonNull(type, "type required");
        Objects.requireNonNull(chart, "chart required (empty for run entries)");
        Objects.requireNonNull(value, "value required (empty when none)");
        Objects.requireNonNull(reason, "reason required (empty when none)");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps required"));
    }

    /**
     * A run-level entry.
     *
     * @param at the time
     * @param runId the run
     * @param type the type
     * @param value the value
     * @param reason the reason
     * @return the entry
     */
    public static JournalEntry ofRun(Instant at, String runId, EntryType type, String value, String reason) {
        return new JournalEntry(at, runId, type, "", 0, 0, 0, value, reason, List.of());
    }

    /**
     * A step-level entry.
     *
     * @param at the time
     * @param runId the run
     * @param type the type
     * @param chart the step's chart folder
     * @param attempt the attempt
     * @param revision the revision
     * @param target the rollback target
     * @param value the value
     * @param reason the reason
     * @return the entry
     */
    public static JournalEntry ofStep(
            Instant at,
            String runId,
            EntryType type,
            String chart,
            int attempt,
            int revision,
            int target,
            String value,
            String reason) {
        return new JournalEntry(at, runId, type, chart, attempt, revision, target, value, reason, List.of());
    }

    /**
     * A copy with the given step lines, for {@link EntryType#RUN_STARTED}.
     *
     * @param lines the steps as {@code wave:chart:release:namespace}
     * @return the copy
     */
    public JournalEntry withSteps(List<String> lines) {
        return new JournalEntry(at, runId, type, chart, attempt, revision, target, value, reason, lines);
    }
}
