package com.webgrip.deploy.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.run.RunOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesHistoryTest {

    @TempDir
    Path folder;

    @Property(tries = 100)
    void recordsSurviveARoundTripThroughTheFile(@ForAll("records") DeploymentRecord record) throws IOException {
        Path file = Files.createTempFile("history", ".jsonl");
        try {
            JsonLinesHistory history = JsonLinesHistory.at(file);
            history.append(record);
            assertThat(history.records()).containsExactly(record);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<DeploymentRecord> records() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(20);
        Arbitrary<Instant> instants =
                Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        Arbitrary<ReleaseRecord> release = Combinators.combine(
                        text,
                        text,
                        Arbitraries.of("SUCCEEDED", "FAILED", "ROLLED_BACK", "SKIPPED", "CANCELLED"),
                        Arbitraries.integers().between(0, 50),
                        instants.optional(),
                        instants)
                .as((chart, name, state, revision, started, finished) ->
                        new ReleaseRecord(chart, name, "ns", state, revision, revision / 2, started, finished));
        return Combinators.combine(
                        text,
                        Arbitraries.of(RunOutcome.class),
                        text.optional(),
                        instants,
                        instants,
                        release.list().ofMaxSize(4))
                .as((id, outcome, commit, started, finished, releases) -> new DeploymentRecord(
                        id,
                        "production",
                        outcome,
                        commit.map(c -> Change.of(c, started)).orElse(Change.UNKNOWN),
                        started,
                        finished,
                        releases));
    }

    @Test
    void ignoresATornLastLineAndNamesAMalformedOne() throws IOException {
        Path file = folder.resolve("history.jsonl");
        JsonLinesHistory history = JsonLinesHistory.at(file);
        DeploymentRecord record = new DeploymentRecord(
                "run-1", "staging", RunOutcome.SUCCEEDED, Change.UNKNOWN, Instant.EPOCH, Instant.EPOCH, List.of());
        history.append(record);
        Files.writeString(file, "{\"run\":\"run-2\",\"envir", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(history.records()).containsExactly(record);

        Files.writeString(file, "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThatThrownBy(history::records)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2 is not a deployment record");
    }

    @Test
    void anAppendAfterATornLastLineKeepsTheHistoryReadable() throws IOException {
        Path file = folder.resolve("torn.jsonl");
        JsonLinesHistory history = JsonLinesHistory.at(file);
        DeploymentRecord first = new DeploymentRecord(
                "run-1", "staging", RunOutcome.SUCCEEDED, Change.UNKNOWN, Instant.EPOCH, Instant.EPOCH, List.of());
        DeploymentRecord second = new DeploymentRecord(
                "run-3", "staging", RunOutcome.FAILED, Change.UNKNOWN, Instant.EPOCH, Instant.EPOCH, List.of());
        history.append(first);
        Files.writeString(file, "{\"run\":\"run-2\",\"envir", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        history.append(second);

        assertThat(JsonLinesHistory.at(file).records()).containsExactly(first, second);
    }

    @Test
    void revisionsARunFoundBadAreKnownUnhealthy() throws IOException {
        JsonLinesHistory history = JsonLinesHistory.at(folder.resolve("h.jsonl"));
        history.append(new DeploymentRecord(
                "run-1",
                "production",
                RunOutcome.ROLLED_BACK,
                Change.UNKNOWN,
                Instant.EPOCH,
                Instant.EPOCH,
                List.of(
                        new ReleaseRecord(
                                "060-grafana-stack",
                                "grafana-stack",
                                "monitoring",
                                "ROLLED_BACK",
                                5,
                                4,
                                Optional.of(Instant.EPOCH),
                                Instant.EPOCH),
                        new ReleaseRecord(
                                "010-cert-manager",
                                "cert-manager",
                                "cert-manager",
                                "SUCCEEDED",
                                3,
                                0,
                                Optional.of(Instant.EPOCH),
                                Instant.EPOCH))));

        assertThat(history.unhealthyRevisions(ReleaseRef.of("grafana-stack", "monitoring")))
                .containsExactly(5);
        assertThat(history.unhealthyRevisions(ReleaseRef.of("cert-manager", "cert-manager")))
                .isEmpty();
    }
}
