package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic replacement of regular files; writing through links, FIFOs and devices instead of over them. */
class AtomicFilesTest {
    private static final byte[] CONTENT = "secret: s3cr3t\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void replacesARegularFileKeepingItsPermissions() throws IOException {
        Path file = dir.resolve("values.yaml");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        AtomicFiles.write(file, CONTENT);

        assertThat(file).hasBinaryContent(CONTENT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void writesThroughASymlinkAndKeepsTheLink() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("values.yaml");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), Path.of("real/values.yaml"));

        AtomicFiles.write(link, CONTENT);

        assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
        assertThat(real).hasBinaryContent(CONTENT);
    }

    @Test
    void followsAChainOfLinksAndCreatesTheMissingTargetOfADanglingOne() throws IOException {
        Path real = dir.resolve("new.yaml");
        Path middle = Files.createSymbolicLink(dir.resolve("middle"), real.getFileName());
        Path first = Files.createSymbolicLink(dir.resolve("first"), middle.getFileName());

        AtomicFiles.write(first, CONTENT);

        assertThat(Files.isSymbolicLink(first)).isTrue();
        assertThat(Files.isSymbolicLink(middle)).isTrue();
        assertThat(real).hasBinaryContent(CONTENT);
    }

    @Test
    void refusesALinkLoopAndADirectory() throws IOException {
        Path a = dir.resolve("a");
        Files.createSymbolicLink(a, Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));

        assertThatThrownBy(() -> AtomicFiles.write(a, CONTENT))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("too many levels of symbolic links");
        assertThatThrownBy(() -> AtomicFiles.write(dir, CONTENT))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void streamsIntoAFifoInsteadOfRenamingOverIt() throws Exception {
        Path fifo = mkfifo(dir.resolve("out.fifo"));
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fifo-reader");
            t.setDaemon(true); // with a rename over the FIFO nobody ever opens it for writing
            return t;
        });
        try {
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readAll(fifo), reader);

            AtomicFiles.write(fifo, CONTENT);

            BasicFileAttributes attributes =
                    Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            assertThat(attributes.isOther())
                    .as("still a FIFO, not a regular file")
                    .isTrue();
            assertThat(read.get(60, TimeUnit.SECONDS)).isEqualTo(CONTENT);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void writesToACharacterDeviceWithoutReplacingIt() throws IOException {
        // /dev/null itself is only written to, never renamed over; this cannot harm it
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull), "no /dev/null on this platform");
        Path link = Files.createSymbolicLink(dir.resolve("null"), devNull);

        AtomicFiles.write(link, CONTENT);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(link);
        }
    }

    private static byte[] readAll(Path fifo) {
        try {
            return Files.readAllBytes(fifo);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", path.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            throw e;
        }
        assertThat(process.waitFor()).as("mkfifo exit code").isZero();
        return path;
    }
}
