package com.webgrip.deploy.core.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Every finding of a validation, sorted by severity, check and place. Validation passes when there
 * is no {@link Severity#ERROR}.
 *
 * @param environment the environment validated
 * @param checks the ids of the checks that ran
 * @param findings the findings
 */
public record ValidationReport(String environment, List<String> checks, List<Finding> findings) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Checks and copies. */
    public ValidationReport {
        Objects.requireNonNull(environment, "environment required");
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
    }

    /** Whether validation passes: no error. */
    public boolean passed() {
        return errors().isEmpty();
    }

    /** The errors. */
    public List<Finding> errors() {
        return bySeverity(Severity.ERROR);
    }

    /** The findings of one severity. */
    public List<Finding> bySeverity(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** The findings of one check. */
    public List<Finding> byCheck(String checkId) {
        return findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
    }

    /** One line per finding, then a summary line. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        findings.forEach(finding -> out.append(finding).append('\n'));
        out.append(passed() ? "PASSED" : "FAILED")
                .append(": environment ")
                .append(environment)
                .append(", ")
                .append(checks.size())
                .append(" checks, ")
                .append(errors().size())
                .append(" errors, ")
                .append(bySeverity(Severity.WARNING).size())
                .append(" warnings, ")
                .append(bySeverity(Severity.INFO).size())
                .append(" notes\n");
        return out.toString();
    }

    /** The report as JSON: environment, passed, checks, findings. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("environment", environment);
        root.put("passed", passed());
        checks.forEach(root.putArray("checks")::add);
        ArrayNode list = root.putArray("findings");
        for (Finding finding : findings) {
            ObjectNode node = list.addObject();
            node.put("severity", finding.severity().name());
            node.put("check", finding.checkId());
            finding.file().ifPresent(file -> node.put("file", file.toString()));
            node.put("line", finding.line());
            node.put("message", finding.message());
            node.put("hint", finding.hint());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a report as JSON failed", e);
        }
    }
}
