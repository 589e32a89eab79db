package com.webgrip.deploy.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
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

/**
 * A journal kept as a file of JSON lines. Each append writes one line and forces it to the storage device before it
 * returns, so an entry that was appended survives a crash or {@code kill -9} of the process.
 *
 * <p>A crash can cut the last line short. Reading ignores a last line that has no line end (it was never fully
 * written, so nothing was done on its account), and the first append after opening cuts it off, so the next entry
 * starts on a line of its own; a malformed line anywhere else is an error naming the line.
 */
public final class JsonLinesJournal implements Journal, Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private FileChannel channel;

    private JsonLinesJournal(Path file) {
        this.file = Objects.requireNonNull(file, "file required");
    }

    /**
     * A journal in the given file, created with its folder on the first append.
     *
     * @param file the journal file
     * @return the journal
     */
    public static JsonLinesJournal at(Path file) {
        return new JsonLinesJournal(file);
    }

    /** Returns the journal file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void append(JournalEntry entry) throws JournalException {
        byte[] line = (encode(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (channel == null) {
                open();
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new JournalException("could not append to the journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        channel = AppendOnlyLines.open(file);
    }

    @Override
    public synchronized List<JournalEntry> entries() throws JournalException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JournalException("could not read the journal " + file + ": " + e.getMessage(), e);
        }
        List<JournalEntry> entries = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            lineNumber++;
            if (end < 0) {
                break; // a torn last line: written partly when the process died, never acted on
            }
            String line = text.substring(start, end);
            start = end + 1;
            if (!line.isBlank()) {
                entries.add(decode(line, lineNumber));
            }
        }
        return entries;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    static String encode(JournalEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("at", entry.at().toString());
        node.put("run", entry.runId());
        node.put("type", entry.type().name());
        putIfPresent(node, "chart", entry.chart());
        if (entry.attempt() != 0) {
            node.put("attempt", entry.attempt());
        }
        if (entry.revision() != 0) {
            node.put("revision", entry.revision());
        }
        if (entry.target() != 0) {
            node.put("target", entry.target());
        }
        putIfPresent(node, "value", entry.value());
        putIfPresent(node, "reason", entry.reason());
        if (!entry.steps().isEmpty()) {
            ArrayNode steps = node.putArray("steps");
            entry.steps().forEach(steps::add);
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a journal entry could not be written as JSON", e);
        }
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (!value.isEmpty()) {
            node.put(name, value);
        }
    }

    private JournalEntry decode(String line, int lineNumber) throws JournalException {
        try {
            JsonNode node = JSON.readTree(line);
            List<String> steps = new ArrayList<>();
            node.path("steps").forEach(step -> steps.add(step.asText()));
            return new JournalEntry(
                    Instant.parse(required(node, "at", lineNumber)),
                    required(node, "run", lineNumber),
                    EntryType.valueOf(required(node, "type", lineNumber)),
                    node.path("chart").asText(""),
                    node.path("attempt").asInt(0),
                    node.path("revision").asInt(0),
                    node.path("target").asInt(0),
                    node.path("value").asText(""),
                    node.path("reason").asText(""),
                    steps);
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
            throw new JournalException(
                    "the journal " + file + " line " + lineNumber + " is not a journal entry: " + e.getMessage(), e);
        }
    }

    private String required(JsonNode node, String field, int lineNumber) throws JournalException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new JournalException(
                    "the journal " + file + " line " + lineNumber + " has no text field \"" + field + "\"");
        }
        return value.asText();
    }
}
