package com.webgrip.deploy.core.run;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Shows a run in a terminal: waves, steps, their state, health and the elapsed time. On a terminal that understands
 * ANSI it redraws a table in place; otherwise (a pipe, a CI log) it prints one plain line per change.
 */
public final class ProgressView implements RunListener {

    private final PrintStream out;
    private final boolean ansi;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private Instant started;
    private int drawnLines;

    /**
     * A view.
     *
     * @param out where to draw
     * @param ansi whether to redraw in place with ANSI escapes (use {@code System.console() != null})
     */
    public ProgressView(PrintStream out, boolean ansi) {
        this.out = Objects.requireNonNull(out, "out required");
        this.ansi = ansi;
    }

    private static final class Row {
        final int wave;
        String state = "pending";
        String health = "";
        String detail = "";

        Row(int wave) {
            this.wave = wave;
        }
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        String line = update(event);
        if (ansi) {
            if (line != null
                    && (event instanceof RunEvent.DecisionMade
                            || event instanceof RunEvent.RunFinished
                            || event instanceof RunEvent.Recovering
                            || event instanceof RunEvent.ApprovalDecided)) {
                notes.add(line);
            }
            redraw();
        } else if (line != null) {
            out.println(line);
        }
        out.flush();
    }

    private String update(RunEvent event) {
        if (event instanceof RunEvent.RunStarted) {
            RunEvent.RunStarted start = (RunEvent.RunStarted) event;
            started = start.at();
            for (int w = 0; w < start.waves().size(); w++) {
                for (String chart : start.waves().get(w)) {
                    rows.putIfAbsent(chart, new Row(w + 1));
                }
            }
            return stamp(event) + (start.resumed() ? "resuming" : "starting") + " run " + start.runId() + " to "
                    + start.environment() + ": " + start.waves().size() + " waves, " + rows.size() + " steps";
        }
        if (event instanceof RunEvent.ApprovalDecided) {
            RunEvent.ApprovalDecided answer = (RunEvent.ApprovalDecided) event;
            return stamp(event)
                    + (answer.approved() ? "approved by " : "refused by ")
                    + answer.by()
                    + (answer.reason().isEmpty() ? "" : ": " + answer.reason());
        }
        if (event instanceof RunEvent.WaveStarted) {
            RunEvent.WaveStarted wave = (RunEvent.WaveStarted) event;
            return stamp(event) + "wave " + (wave.wave() + 1) + ": " + String.join(", ", wave.charts());
        }
        if (event instanceof RunEvent.StepStarted) {
            RunEvent.StepStarted step = (RunEvent.StepStarted) event;
            row(step.chart()).state = step.attempt() > 1 ? "retrying (" + step.attempt() + ")" : "deploying";
            return step.attempt() > 1 ? stamp(event) + step.chart() + ": attempt " + step.attempt() : null;
        }
        if (event instanceof RunEvent.Recovering) {
            RunEvent.Recovering recovering = (RunEvent.Recovering) event;
            row(recovering.chart()).state = "recovering";
            return stamp(event) + recovering.chart() + ": recovering a pending release (" + recovering.action() + ")";
        }
        if (event instanceof RunEvent.StepDeployed) {
            RunEvent.StepDeployed deployed = (RunEvent.StepDeployed) event;
            row(deployed.chart()).state = "watching r" + deployed.revision();
            return stamp(event) + deployed.chart() + ": deployed revision " + deployed.revision();
        }
        if (event instanceof RunEvent.HealthObserved) {
            RunEvent.HealthObserved health = (RunEvent.HealthObserved) event;
            Row row = row(health.chart());
            boolean changed = !row.health.equals(health.status());
            row.health = health.status();
            row.detail = health.summary();
            return changed ? stamp(event) + health.chart() + ": " + health.summary() : null;
        }
        if (event instanceof RunEvent.DecisionMade) {
            RunEvent.DecisionMade decision = (RunEvent.DecisionMade) event;
            if (decision.decision().equals("Continue")) {
                return null;
            }
            return stamp(event) + decision.chart() + ": " + decision.decision() + " - " + decision.reason();
        }
        if (event instanceof RunEvent.RollbackStarted) {
            RunEvent.RollbackStarted rollback = (RunEvent.RollbackStarted) event;
            row(rollback.chart()).state = "rolling back";
            return stamp(event) + rollback.chart() + ": rolling back from revision " + rollback.fromRevision()
                    + (rollback.toRevision() == 0 ? " (uninstall)" : " to revision " + rollback.toRevision());
        }
        if (event instanceof RunEvent.StepFinished) {
            RunEvent.StepFinished finished = (RunEvent.StepFinished) event;
            Row row = row(finished.chart());
            row.state = finished.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            row.detail = finished.reason();
            return stamp(event) + finished.chart() + ": " + row.state + " - " + finished.reason();
        }
        if (event instanceof RunEvent.RunFinished) {
            RunEvent.RunFinished finished = (RunEvent.RunFinished) event;
            return stamp(event) + "run " + finished.outcome() + " (exit code "
                    + finished.outcome().exitCode() + "): " + finished.reason();
        }
        return null;
    }

    private Row row(String chart) {
        return rows.computeIfAbsent(chart, c -> new Row(0));
    }

    private String stamp(RunEvent event) {
        Duration elapsed = started == null ? Duration.ZERO : Duration.between(started, event.at());
        long seconds = Math.max(0, elapsed.toSeconds());
        return String.format(Locale.ROOT, "[%02d:%02d:%02d] ", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private void redraw() {
        StringBuilder screen = new StringBuilder();
        if (drawnLines > 0) {
            screen.append("\u001b[").append(drawnLines).append("F\u001b[J");
        }
        List<String> lines = new ArrayList<>();
        lines.add(
                String.format(Locale.ROOT, "%-5s %-28s %-18s %-12s %s", "WAVE", "CHART", "STATE", "HEALTH", "DETAIL"));
        rows.forEach((chart, row) -> lines.add(String.format(
                Locale.ROOT,
                "%-5s %-28s %-18s %-12s %s",
                row.wave,
                chart,
                row.state,
                row.health,
                row.detail.length() > 60 ? row.detail.substring(0, 57) + "..." : row.detail)));
        lines.addAll(notes.subList(Math.max(0, notes.size() - 5), notes.size()));
        lines.forEach(line -> screen.append(line).append('\n'));
        drawnLines = lines.size();
        out.print(screen);
    }
}
