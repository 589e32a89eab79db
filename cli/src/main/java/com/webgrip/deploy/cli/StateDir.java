package com.webgrip.deploy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where deploy, resume, history and metrics keep their files: {@code --state-dir}, by default
 * {@code .webgrip-deploy/} next to the ops folder (in its parent). It holds {@code runs/RUN.jsonl} (one journal per
 * run), {@code history.jsonl} (the deployment history) and {@code simulated-cluster.json} (the state of
 * {@code --simulate}'s cluster between invocations).
 */
final class StateDir {

    private final Path root;

    private StateDir(Path root) {
        this.root = root;
    }

    static StateDir of(Path ops, Path explicit) {
        if (explicit != null) {
            return new StateDir(explicit);
        }
        Path parent = ops.toAbsolutePath().normalize().getParent();
        return new StateDir((parent == null ? ops.toAbsolutePath() : parent).resolve(".webgrip-deploy"));
    }

    Path root() {
        return root;
    }

    Path journal(String runId) {
        return root.resolve("runs").resolve(runId + ".jsonl");
    }

    Path history() {
        return root.resolve("history.jsonl");
    }

    Path simulatedCluster() {
        return root.resolve("simulated-cluster.json");
    }

    /** The most recently written journal, if any. */
    Optional<Path> latestJournal() throws IOException {
        Path runs = root.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                    .max(Comparator.comparing(StateDir::modified).thenComparing(Path::toString));
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
