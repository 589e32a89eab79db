package com.webgrip.deploy.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesJournalTest {

    @TempDir
    Path folder;

    private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void readsBackWhatItAppendedAndIgnoresATornLastLine() throws IOException {
        Path file = folder.resolve("runs").resolve("run-1.jsonl");
        JournalEntry started = JournalEntry.ofRun(AT, "run-1", EntryType.RUN_STARTED, "staging", "")
                .withSteps(List.of("0:005-tainters:tainters:kube-system"));
        JournalEntry intent =
                JournalEntry.ofStep(AT, "run-1", EntryType.ROLLBACK_INTENT, "005-tainters", 1, 6, 4, "rollback", "why");
        try (JsonLinesJournal journal = JsonLinesJournal.at(file)) {
            journal.append(started);
            journal.append(intent);
        }
        Files.writeString(
                file,
                "{\"at\":\"2024-01-01T00:00:01Z\",\"run\":\"ru",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        assertThat(JsonLinesJournal.at(file).entries()).containsExactly(started, intent);
        ReplayedRun replayed = JournalReplay.replay(JsonLinesJournal.at(file).entries());
        assertThat(replayed.step("005-tainters").rollbackInterrupted()).isTrue();
        assertThat(replayed.finished()).isFalse();
    }

    @Test
    void anAppendAfterATornLastLineStartsOnALineOfItsOwn() throws IOException {
        Path file = folder.resolve("run-2.jsonl");
        JournalEntry started = JournalEntry.ofRun(AT, "run-2", EntryType.RUN_STARTED, "staging", "")
                .withSteps(List.of("0:005-tainters:tainters:kube-system"));
        try (JsonLinesJournal journal = JsonLinesJournal.at(file)) {
            journal.append(started);
        }
        // The process died while writing the next entry.
        Files.writeString(
                file, "{\"at\":\"2024-01-01T00:00:01Z\",\"ru", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JournalEntry resumed =
                JournalEntry.ofStep(AT, "run-2", EntryType.STEP_STARTED, "005-tainters", 1, 0, 0, "", "");
        try (JsonLinesJournal journal = JsonLinesJournal.at(file)) {
            journal.append(resumed);
        }

        assertThat(JsonLinesJournal.at(file).entries()).containsExactly(started, resumed);
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .doesNotContain("\"ru{")
                .endsWith("\n");
    }

    @Test
    void anAppendToAFileThatIsOnlyATornLineReplacesIt() throws IOException {
        Path file = folder.resolve("run-3.jsonl");
        Files.writeString(file, "{\"at\":\"2024-01-01T00", StandardCharsets.UTF_8);
        JournalEntry started = JournalEntry.ofRun(AT, "run-3", EntryType.RUN_STARTED, "staging", "");
        try (JsonLinesJournal journal = JsonLinesJournal.at(file)) {
            journal.append(started);
        }

        assertThat(JsonLinesJournal.at(file).entries()).containsExactly(started);
    }

    @Test
    void namesTheLineOfAMalformedEntry() throws IOException {
        Path file = folder.resolve("bad.jsonl");
        Files.writeString(file, """
                {"at":"2024-01-01T00:00:00Z","run":"r","type":"RUN_STARTED"}
                {"at":"yesterday","run":"r","type":"STEP_STARTED"}
                """);

        assertThatThrownBy(() -> JsonLinesJournal.at(file).entries())
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("line 2 is not a journal entry");
    }

    @Test
    void refusesAJournalThatMixesRuns() {
        List<JournalEntry> entries = List.of(
                JournalEntry.ofRun(AT, "run-1", EntryType.RUN_STARTED, "staging", ""),
                JournalEntry.ofRun(AT, "run-2", EntryType.RUN_FINISHED, "SUCCEEDED", ""));

        assertThatThrownBy(() -> JournalReplay.replay(entries))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("belongs to run run-2, expected run-1");
    }
}
