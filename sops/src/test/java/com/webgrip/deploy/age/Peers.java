package com.webgrip.deploy.age;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Real peers of the interop tests. A missing peer skips the test, naming the peer, unless
 * {@code WEBGRIP_REQUIRE_PEERS=1} (as in CI), when it fails it.
 */
final class Peers {
    private Peers() {}

    static void require(String peer, String... probe) {
        boolean present;
        try {
            Process process =
                    new ProcessBuilder(probe).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            present = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present) {
            String message = "interop peer missing: " + peer + " (" + String.join(" ", probe) + " did not run)";
            if ("1".equals(System.getenv("WEBGRIP_REQUIRE_PEERS"))) {
                fail(message + "; WEBGRIP_REQUIRE_PEERS=1 requires it");
            }
            assumeTrue(false, message);
        }
    }
}
