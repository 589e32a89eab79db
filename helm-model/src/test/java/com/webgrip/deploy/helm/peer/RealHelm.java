package com.webgrip.deploy.helm.peer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marcnuri.helm.Helm;

/**
 * Real Helm (a native Helm 3.21 inside helm-java) as a test peer. When its native library cannot load, tests that
 * need it are skipped with an assumption naming the peer, unless {@code WEBGRIP_REQUIRE_PEERS=1}, where they fail.
 */
public final class RealHelm {
    private static final String PROBLEM = probe();

    private RealHelm() {}

    private static String probe() {
        try {
            String version = Helm.version().call();
            return version == null || version.isBlank() ? "helm-java returned no version" : null;
        } catch (LinkageError | RuntimeException e) {
            return e.toString();
        }
    }

    /** Skips (or fails, when peers are required) the calling test when real Helm is not usable. */
    public static void require() {
        if (PROBLEM == null) {
            return;
        }
        String message = "peer missing: real Helm through helm-java (com.marcnuri.helm-java:helm-java) could not"
                + " load: " + PROBLEM;
        if ("1".equals(System.getenv("WEBGRIP_REQUIRE_PEERS"))) {
            throw new AssertionError(message);
        }
        assumeTrue(false, message);
    }
}
