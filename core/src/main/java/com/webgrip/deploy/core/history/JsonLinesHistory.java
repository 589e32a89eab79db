package com.webgrip.deploy.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webgrip.deploy.core.journal.AppendOnlyLines;
import com.webgrip.deploy.core.run.RunOutcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment history kept as an append-only file of JSON lines, one run per line, each forced to disk. A last
 * line without its line end (a crash while writing) is ignored when reading and cut off before the next append; any other malformed line is an error naming it.
 */
public final class JsonLinesHistory implements DeploymentHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private JsonLinesHistory(Path file) {
        this.file = Objects.requireNonNull(file, "file required");
    }

    /**
     * A history in the given file (created with its folder on the first append).
     *
     * @param file the file
     * @return the history
     */
    public static JsonLinesHistory at(Path file) {
        return new JsonLinesHistory(file);
    }

    @Override
    public synchronized void append(DeploymentRecord record) throws IOException {
        byte[] line = (encode(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = AppendOnlyLines.open(file)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    @Override
    public synchronized List<DeploymentRecord> records() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<DeploymentRecord> records = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            lineNumber++;
            if (end < 0) {
                break; // torn last line
            }
            String line = text.substring(start, end);
            start = end + 1;
            if (!line.isBlank()) {
                records.add(decode(line, lineNumber));
            }
        }
        return records;
    }

    static String encode(DeploymentRecord record) throws JsonProcessingException {
        ObjectNode node = JSON.createObjectNode();
        node.put("run", record.runId());
        node.put("environment", record.environment());
        node.put("outcome", record.outcome().name());
        node.put("commit", record.change().commitId());
        record.change().commitTime().ifPresent(t -> node.put("commitTime", t.toString()));
        node.put("started", record.started().toString());
        node.put("finished", record.finished().toString());
        ArrayNode releases = node.putArray("releases");
        for (ReleaseRecord r : record.releases()) {
            ObjectNode release = releases.addObject();
            release.put("chart", r.chart());
            release.put("release", r.release());
            release.put("namespace", r.namespace());
            release.put("state", r.state());
            release.put("deployedRevision", r.deployedRevision());
            release.put("rolledBackTo", r.rolledBackTo());
            r.started().ifPresent(t -> release.put("started", t.toString()));
            release.put("finished", r.finished().toString());
        }
        return JSON.writeValueAsString(node);
    }

    private DeploymentRecord decode(String line, int lineNumber) throws IOException {
        try {
            JsonNode node = JSON.readTree(line);
            List<ReleaseRecord> releases = new ArrayList<>();
            for (JsonNode r : node.path("releases")) {
                releases.add(new ReleaseRecord(
                        text(r, "chart", lineNumber),
                        text(r, "release", lineNumber),
                        text(r, "namespace", lineNumber),
                        text(r, "state", lineNumber),
                        r.path("deployedRevision").asInt(),
                        r.path("rolledBackTo").asInt(),
                        r.hasNonNull("started")
                                ? Optional.of(Instant.parse(r.get("started").asText()))
                                : Optional.empty(),
                        Instant.parse(text(r, "finished", lineNumber))));
            }
            return new DeploymentRecord(
                    text(node, "run", lineNumber),
                    text(node, "environment", lineNumber),
                    RunOutcome.valueOf(text(node, "outcome", lineNumber)),
                    new Change(
                            node.path("commit").asText(""),
                            node.hasNonNull("commitTime")
                                    ? Optional.of(
                                            Instant.parse(node.get("commitTime").asText()))
                                    : Optional.empty()),
                    Instant.parse(text(node, "started", lineNumber)),
                    Instant.parse(text(node, "finished", lineNumber)),
                    releases);
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
            throw new IOException(
                    "the history " + file + " line " + lineNumber + " is not a deployment record: " + e.getMessage(),
                    e);
        }
    }

    private String text(JsonNode node, String field, int lineNumber) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException(
                    "the history " + file + " line " + lineNumber + " has no text field \"" + field + "\"");
        }
        return value.asText();
    }
}
