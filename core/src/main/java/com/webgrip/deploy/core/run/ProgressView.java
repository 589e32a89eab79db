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
 * ANSI it redraws a table in place; otherwise (a pipe, a CI log) it prints one short line per change, each stamped
 * with the time since the run started:
 *
 * <pre>
 * [00:02:00] wave 3/8: 010-cert-manager, 060-grafana-stack
 * [00:02:00]   060-grafana-stack: revision 2 deployed
 * [00:02:10]   060-grafana-stack: failed: Deployment grafana-stack/grafana-stack (CrashLoopBackOff): back-off ...
 * [00:02:10]   060-grafana-stack: roll back: workload failure: ...
 * </pre>
 */
public final class ProgressView implements RunListener {

    private static final String NOT_STARTED = "not started: ";

    private final PrintStream out;
    private final boolean ansi;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> notStarted = new ArrayList<>();
    private Instant started;
    private int waveCount;
    private int drawnLines;

    /**
     * Creates a view.
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
        } else {
            if (!notStarted.isEmpty() && !isNotStarted(event)) {
                // Steps a stop left unstarted are listed together, on one line.
                out.println(stamp(event) + NOT_STARTED + String.join(", ", notStarted));
                notStarted.clear();
            }
            if (line != null) {
                out.println(line);
            }
        }
        out.flush();
    }

    private static boolean isNotStarted(RunEvent event) {
        return event instanceof RunEvent.StepFinished finished
                && finished.state() == StepState.SKIPPED
                && finished.reason().startsWith(NOT_STARTED);
    }

    private String update(RunEvent event) {
        if (event instanceof RunEvent.RunStarted start) {
            started = start.at();
            waveCount = start.waves().size();
            for (int w = 0; w < start.waves().size(); w++) {
                for (String chart : start.waves().get(w)) {
                    rows.putIfAbsent(chart, new Row(w + 1));
                }
            }
            return stamp(event) + (start.resumed() ? "resuming" : "starting") + " run " + start.runId() + " to "
                    + start.environment() + ": " + rows.size() + " steps in " + waveCount + " waves";
        }
        if (event instanceof RunEvent.ApprovalDecided answer) {
            return stamp(event)
                    + (answer.approved() ? "approved by " : "refused by ")
                    + answer.by()
                    + (answer.reason().isEmpty() ? "" : ": " + answer.reason());
        }
        if (event instanceof RunEvent.WaveStarted wave) {
            return stamp(event) + "wave " + (wave.wave() + 1) + "/" + waveCount + ": "
                    + String.join(", ", wave.charts());
        }
        if (event instanceof RunEvent.StepEvent step) {
            String text = stepText(step);
            return text == null ? null : stamp(event) + "  " + step.chart() + ": " + text;
        }
        if (event instanceof RunEvent.RunFinished finished) {
            return stamp(event) + "run " + finished.outcome() + " (exit code "
                    + finished.outcome().exitCode() + "): " + finished.reason();
        }
        return null;
    }

    /** What a step event changes in its row, and the text of its line (null for none). */
    private String stepText(RunEvent.StepEvent event) {
        Row row = rows.computeIfAbsent(event.chart(), c -> new Row(0));
        if (event instanceof RunEvent.StepStarted step) {
            row.state = step.attempt() > 1 ? "retrying (" + step.attempt() + ")" : "deploying";
            return step.attempt() > 1 ? "attempt " + step.attempt() : null;
        }
        if (event instanceof RunEvent.Recovering recovering) {
            row.state = "recovering";
            return "recovering a pending release (" + recovering.action() + ")";
        }
        if (event instanceof RunEvent.StepDeployed deployed) {
            row.state = "watching r" + deployed.revision();
            return "revision " + deployed.revision() + " deployed";
        }
        if (event instanceof RunEvent.HealthObserved health) {
            boolean changed = !row.health.equals(health.status());
            row.health = health.status();
            row.detail = health.summary();
            return changed ? healthText(health.status(), health.summary()) : null;
        }
        if (event instanceof RunEvent.DecisionMade decision) {
            return decision.decision().equals("Continue")
                    ? null
                    : decisionText(decision.decision()) + ": " + decision.reason();
        }
        if (event instanceof RunEvent.RollbackStarted rollback) {
            row.state = "rolling back";
            return "rolling back revision " + rollback.fromRevision()
                    + (rollback.toRevision() == 0 ? " (uninstall)" : " to revision " + rollback.toRevision());
        }
        RunEvent.StepFinished finished = (RunEvent.StepFinished) event;
        row.state = finished.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        row.detail = finished.reason();
        if (isNotStarted(finished)) {
            notStarted.add(finished.chart());
            return null;
        }
        return switch (finished.state()) {
            // The policy's decision line already said why; the revision is what is left to tell.
            case SUCCEEDED -> "succeeded" + (finished.revision() > 0 ? " (revision " + finished.revision() + ")" : "");
            case ROLLED_BACK ->
                "rolled back" + (finished.revision() > 0 ? " (now revision " + finished.revision() + ")" : "");
            default -> row.state + ": " + finished.reason();
        };
    }

    /** A health summary without the status it starts with, which the status word replaces. */
    private static String healthText(String status, String summary) {
        String word = switch (status) {
            case "CURRENT" -> "healthy";
            case "IN_PROGRESS" -> "in progress";
            case "FAILED" -> "failing";
            default -> status.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        String detail =
                summary.startsWith(status) ? summary.substring(status.length()).strip() : summary;
        // Resources with the aggregate status need not repeat it: "Deployment/ns/name FAILED (Reason)".
        detail = detail.replace(" " + status + " ", " ").replace(" " + status + ":", ":");
        if (detail.startsWith(":")) {
            return word + detail;
        }
        return detail.isEmpty() ? word : word + " " + detail;
    }

    private static String decisionText(String decision) {
        return switch (decision) {
            case "RollBack" -> "roll back";
            case "Retry" -> "retry";
            case "AskPerson" -> "ask a person";
            case "Fail" -> "fail";
            default -> decision;
        };
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
