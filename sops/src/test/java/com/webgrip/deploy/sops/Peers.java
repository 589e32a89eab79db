package com.webgrip.deploy.sops;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real peers interop tests run against. A missing peer skips the test with an
 * assumption naming it, unless {@code WEBGRIP_REQUIRE_PEERS=1} (CI), where it fails the test.
 */
final class Peers {
    private Peers() {}

    /** The node_modules folder holding npm's sops-age, and node on the PATH. */
    static Path sopsAgeModules() {
        String modules = System.getenv("WEBGRIP_NODE_MODULES");
        Path dir = modules == null ? null : Path.of(modules);
        if (dir == null || !Files.isDirectory(dir.resolve("sops-age"))) {
            missing("npm sops-age 4.0.2 (set WEBGRIP_NODE_MODULES to a node_modules holding it; see .ci/npm)");
        }
        if (!onPath("node")) {
            missing("node (the runtime for npm sops-age)");
        }
        return dir;
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }

    private static void missing(String peer) {
        if ("1".equals(System.getenv("WEBGRIP_REQUIRE_PEERS"))) {
            fail("interop peer missing and WEBGRIP_REQUIRE_PEERS=1: " + peer);
        }
        assumeTrue(false, "interop peer missing: " + peer);
    }
}
