package com.webgrip.deploy.kubernetes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A values file for one Helm call, in a folder of its own that only the owner can enter ({@code rwx------}), the file
 * itself {@code rw-------}; closing deletes both. A private folder, unlike a file in the shared temp folder, cannot be
 * listed, guessed or swapped by another user while Helm reads it.
 */
final class PrivateValuesFile implements AutoCloseable {
    private final Path folder;
    private final Path file;

    private PrivateValuesFile(Path folder, Path file) {
        this.folder = folder;
        this.file = file;
    }

    /**
     * Writes the text to a new private file under {@code root}.
     *
     * @param root where the private folder is made (the system's temp folder in production)
     * @param yaml the values as YAML
     * @return the file; close it to delete it
     * @throws IOException when the folder or file cannot be made or written (nothing is left behind then)
     */
    static PrivateValuesFile write(Path root, String yaml) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path folder = posix
                ? Files.createTempDirectory(
                        root,
                        "webgrip-values-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory(root, "webgrip-values-");
        Path file = folder.resolve("values.yaml");
        PrivateValuesFile values = new PrivateValuesFile(folder, file);
        try {
            if (posix) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                out.write(yaml.getBytes(StandardCharsets.UTF_8));
            }
            return values;
        } catch (IOException | RuntimeException e) {
            values.close();
            throw e;
        }
    }

    /** Returns the file to hand to Helm. */
    Path path() {
        return file;
    }

    /** Deletes the file and its folder. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            Files.deleteIfExists(folder);
        }
    }
}
