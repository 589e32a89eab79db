package com.webgrip.deploy.age;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;

/**
 * Installs the bash test plugin (resources age/plugin/age-plugin-test) under each of its names in
 * a folder, to serve as the search path of {@link AgePlugins} in tests.
 */
final class TestPlugins {
    static final List<String> NAMES =
            List.of("test", "testpq", "testui", "testerror", "testdie", "testhang", "testgarbage", "testbadindex");

    private TestPlugins() {}

    static Path install(Path folder) {
        InteropPeers.requireExecutable("bash", "bash (the test plugin is a bash script)");
        try (InputStream in = TestPlugins.class.getResourceAsStream("/age/plugin/age-plugin-test")) {
            byte[] script = Objects.requireNonNull(in, "age-plugin-test").readAllBytes();
            for (String name : NAMES) {
                Path plugin = folder.resolve("age-plugin-" + name);
                Files.write(plugin, script);
                Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
