package com.webgrip.deploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated cluster's state file is replaced atomically, and a failed save leaves nothing behind. */
class ClusterFileTest {
    @TempDir
    Path dir;

    @Test
    void aFailedSaveLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("cluster.json");
        // a folder with something in it where the file should go: the rename onto it fails
        Files.createDirectories(file.resolve("occupied"));
        SimulatedCluster cluster = SimulatedCluster.create(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertThatThrownBy(() -> ClusterFile.save(file, cluster, Instant.EPOCH)).isInstanceOf(IOException.class);

        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("cluster.json");
        }
    }

    @Test
    void aSaveReplacesTheFileAndReadsBack() throws IOException {
        Path file = dir.resolve("cluster.json");
        Files.writeString(file, "old");
        SimulatedCluster cluster = SimulatedCluster.create(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        ClusterFile.save(file, cluster, Instant.parse("2026-11-27T04:00:00Z"));

        assertThat(ClusterFile.savedAt(file)).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("cluster.json");
        }
    }
}
