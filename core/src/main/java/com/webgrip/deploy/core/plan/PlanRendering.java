package com.webgrip.deploy.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webgrip.deploy.core.graph.GraphSelection;
import com.webgrip.deploy.core.graph.OrderFinding;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes a plan as text, JSON, Mermaid or DOT. Secret layers appear as a file and a digest only. */
final class PlanRendering {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanRendering() {}

    static String render(DeploymentPlan plan, PlanFormat format) {
        return switch (format) {
            case TEXT -> text(plan);
            case JSON -> json(plan);
            case MERMAID -> mermaid(plan);
            case DOT -> dot(plan);
        };
    }

    private static String text(DeploymentPlan plan) {
        List<Step> steps = plan.steps();
        StringBuilder out = new StringBuilder();
        out.append("Plan for environment ")
                .append(plan.environment())
                .append(": ")
                .append(steps.size())
                .append(steps.size() == 1 ? " step" : " steps")
                .append(" in ")
                .append(plan.waves().size())
                .append(plan.waves().size() == 1 ? " wave" : " waves")
                .append('\n');
        String[] header = {"WAVE", "CHART", "RELEASE", "NAMESPACE", "VERSION", "TIMEOUT", "VALUES"};
        String[][] rows = new String[steps.size()][];
        int r = 0;
        for (Wave wave : plan.waves()) {
            for (Step step : wave.steps()) {
                rows[r++] = new String[] {
                    wave.number()
                            + (wave.concurrencyLimit() < wave.steps().size() ? "/" + wave.concurrencyLimit() : ""),
                    step.chart(),
                    step.release(),
                    step.namespace(),
                    step.chartVersion(),
                    step.timeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT),
                    layerSummary(step)
                };
            }
        }
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        appendRow(out, header, width);
        for (String[] row : rows) {
            appendRow(out, row, width);
        }
        if (!plan.addedNeeds().isEmpty()) {
            out.append("Added because selected charts need them: ")
                    .append(String.join(", ", plan.addedNeeds()))
                    .append('\n');
        }
        for (GraphSelection.DroppedNeed dropped : plan.droppedNeeds()) {
            out.append("Dropped need (not deployed by this plan): ")
                    .append(dropped)
                    .append('\n');
        }
        for (OrderFinding finding : plan.orderFindings()) {
            out.append("Warning: ").append(finding.message()).append('\n');
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            line.append(cells[c]);
            if (c < cells.length - 1) {
                line.append(" ".repeat(width[c] - cells[c].length() + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String layerSummary(Step step) {
        if (step.layers().isEmpty()) {
            return "-";
        }
        StringBuilder summary = new StringBuilder();
        for (ValuesLayer layer : step.layers()) {
            if (summary.length() > 0) {
                summary.append(", ");
            }
            summary.append(
                    switch (layer.kind()) {
                        case CHART_DEFAULTS -> "defaults";
                        case ENVIRONMENT -> "environment";
                        case ENVIRONMENT_FILE -> "env-file";
                        case SECRET -> "secret";
                        case OVERRIDE -> "override";
                    });
        }
        return summary.toString();
    }

    private static String json(DeploymentPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("environment", plan.environment());
        ArrayNode waves = root.putArray("waves");
        for (Wave wave : plan.waves()) {
            ArrayNode steps = waves.addArray();
            for (Step step : wave.steps()) {
                ObjectNode node = steps.addObject();
                node.put("chart", step.chart());
                node.put("release", step.release());
                node.put("namespace", step.namespace());
                node.put("chartName", step.chartName());
                node.put("chartVersion", step.chartVersion());
                node.put("order", step.order());
                step.needs().forEach(node.putArray("needs")::add);
                node.put("timeoutSeconds", step.timeout().toSeconds());
                ArrayNode layers = node.putArray("layers");
                for (ValuesLayer layer : step.layers()) {
                    ObjectNode l = layers.addObject();
                    l.put("kind", layer.kind().name());
                    l.put("source", layer.source());
                    if (layer instanceof ValuesLayer.Secret secret) {
                        l.put("fingerprint", secret.values().fingerprint());
                    }
                }
            }
        }
        ArrayNode limits = root.putArray("concurrencyLimits");
        plan.waves().forEach(wave -> limits.add(wave.concurrencyLimit()));
        plan.addedNeeds().forEach(root.putArray("addedNeeds")::add);
        ArrayNode dropped = root.putArray("droppedNeeds");
        for (GraphSelection.DroppedNeed need : plan.droppedNeeds()) {
            dropped.addObject().put("chart", need.chart()).put("need", need.need());
        }
        ArrayNode findings = root.putArray("orderFindings");
        for (OrderFinding finding : plan.orderFindings()) {
            findings.addObject().put("chart", finding.chart()).put("need", finding.need());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a plan as JSON failed", e);
        }
    }

    private static String mermaid(DeploymentPlan plan) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Wave wave : plan.waves()) {
            out.append("  subgraph wave")
                    .append(wave.number())
                    .append("[\"wave ")
                    .append(wave.number());
            out.append("\"]\n");
            for (Step step : wave.steps()) {
                out.append("    ")
                        .append(mermaidId(step.chart()))
                        .append("[\"")
                        .append(mermaidText(step.chart()))
                        .append("<br/>")
                        .append(mermaidText(step.release() + " in " + step.namespace()))
                        .append("\"]\n");
            }
            out.append("  end\n");
        }
        for (Step step : plan.steps()) {
            for (String need : step.needs()) {
                if (plan.step(need).isPresent()) {
                    out.append("  ")
                            .append(mermaidId(need))
                            .append(" --> ")
                            .append(mermaidId(step.chart()))
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String dot(DeploymentPlan plan) {
        StringBuilder out = new StringBuilder("digraph plan {\n  rankdir=LR;\n  node [shape=box];\n");
        for (Wave wave : plan.waves()) {
            out.append("  subgraph cluster_wave").append(wave.number()).append(" {\n");
            out.append("    label=\"wave ").append(wave.number()).append("\";\n");
            for (Step step : wave.steps()) {
                out.append("    ")
                        .append(dotString(step.chart()))
                        .append(" [label=")
                        .append(dotString(step.chart() + "\n" + step.release() + " in " + step.namespace()))
                        .append("];\n");
            }
            out.append("  }\n");
        }
        for (Step step : plan.steps()) {
            for (String need : step.needs()) {
                if (plan.step(need).isPresent()) {
                    out.append("  ")
                            .append(dotString(need))
                            .append(" -> ")
                            .append(dotString(step.chart()))
                            .append(";\n");
                }
            }
        }
        return out.append("}\n").toString();
    }

    private static String mermaidId(String name) {
        return "c_" + name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String mermaidText(String text) {
        return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }

    private static String dotString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
