package com.webgrip.deploy.core.journal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Folds a run's journal entries into what they say about the run and each of its steps. */
public final class JournalReplay {

    private JournalReplay() {}

    /**
     * Replays a journal.
     *
     * @param entries the entries, oldest first
     * @return the run they describe
     * @throws JournalException when the journal is empty, does not start with a run, mixes runs or names a step the
     *     run does not have
     */
    public static ReplayedRun replay(List<JournalEntry> entries) throws JournalException {
        if (entries.isEmpty() || entries.get(0).type() != EntryType.RUN_STARTED) {
            throw new JournalException("a run journal starts with RUN_STARTED, found "
                    + (entries.isEmpty() ? "no entries" : entries.get(0).type().name()));
        }
        JournalEntry first = entries.get(0);
        Map<String, Step> steps = new LinkedHashMap<>();
        for (String line : first.steps()) {
            String[] parts = line.split(":", -1);
            if (parts.length != 4) {
                throw new JournalException("a RUN_STARTED step is wave:chart:release:namespace, found [" + line + "]");
            }
            steps.put(parts[1], new Step(parts[1]));
        }
        Optional<String> approval = Optional.empty();
        Optional<String> outcome = Optional.empty();
        String outcomeReason = "";
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            if (!entry.runId().equals(first.runId())) {
                throw new JournalException("journal entry " + (i + 1) + " belongs to run " + entry.runId()
                        + ", expected " + first.runId());
            }
            switch (entry.type()) {
                case RUN_STARTED, RUN_RESUMED -> {}
                case APPROVAL -> approval = Optional.of(entry.value());
                case RUN_FINISHED -> {
                    outcome = Optional.of(entry.value());
                    outcomeReason = entry.reason();
                }
                default -> {
                    Step step = steps.get(entry.chart());
                    if (step == null) {
                        throw new JournalException("journal entry " + (i + 1) + " names the step " + entry.chart()
                                + ", which run " + first.runId() + " does not have");
                    }
                    step.apply(entry);
                }
            }
        }
        Map<String, ReplayedStep> byChart = new HashMap<>();
        steps.forEach((chart, step) -> byChart.put(chart, step.toRecord()));
        return new ReplayedRun(
                first.runId(),
                first.value(),
                first.at(),
                first.steps(),
                first.reason(),
                byChart,
                approval,
                outcome,
                outcomeReason,
                entries.size());
    }

    /** The running fold of one step's entries. */
    private static final class Step {
        private final String chart;
        private boolean started;
        private String finalState;
        private String finalReason = "";
        private int attempts;
        private int deployFrom = -1;
        private int deployedRevision;
        private String decision = "";
        private String decisionReason = "";
        private int rollbackFrom;
        private int rollbackTarget = -1;
        private int rolledBackRevision = -1;
        private EntryType lastEntry;

        Step(String chart) {
            this.chart = chart;
        }

        void apply(JournalEntry entry) {
            lastEntry = entry.type();
            switch (entry.type()) {
                case STEP_STARTED -> started = true;
                case DEPLOY_INTENT -> {
                    attempts = Math.max(attempts, entry.attempt());
                    deployFrom = entry.revision();
                }
                case DEPLOYED -> deployedRevision = entry.revision();
                case DECISION -> {
                    decision = entry.value();
                    decisionReason = entry.reason();
                }
                case ROLLBACK_INTENT -> {
                    rollbackFrom = entry.revision();
                    rollbackTarget = entry.target();
                    rolledBackRevision = -1;
                }
                case ROLLED_BACK -> {
                    if (!"recovered".equals(entry.value())) {
                        rolledBackRevision = entry.revision();
                    }
                }
                case STEP_FINISHED -> {
                    finalState = entry.value();
                    finalReason = entry.reason();
                }
                default -> {}
            }
        }

        ReplayedStep toRecord() {
            return new ReplayedStep(
                    chart,
                    started,
                    Optional.ofNullable(finalState),
                    finalReason,
                    attempts,
                    deployFrom,
                    deployedRevision,
                    decision,
                    decisionReason,
                    rollbackFrom,
                    rollbackTarget,
                    rolledBackRevision,
                    Optional.ofNullable(lastEntry));
        }
    }
}
