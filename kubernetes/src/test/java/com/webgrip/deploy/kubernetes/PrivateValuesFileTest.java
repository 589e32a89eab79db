package com.webgrip.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateValuesFileTest {

    @TempDir
    Path root;

    @Test
    void writesTheValuesOwnerOnlyInAFolderOfTheirOwnAndDeletesBothOnClose() throws IOException {
        assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions are not supported by this file system");
        Path file;
        try (PrivateValuesFile values = PrivateValuesFile.write(root, "replicaCount: 3\n")) {
            file = values.path();
            assertThat(file.getParent().getParent()).isEqualTo(root);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("replicaCount: 3\n");
        }

        assertThat(file).doesNotExist();
        try (Stream<Path> left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
    }
}
