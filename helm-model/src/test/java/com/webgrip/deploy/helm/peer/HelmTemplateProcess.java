package com.webgrip.deploy.helm.peer;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;

/**
 * Runs real Helm's {@code template} over chart cases in its own process, so that a test can read what Helm's Go code
 * logs to the process's standard error (a JVM cannot capture that in process). Each argument is a folder holding
 * {@code parent/} (the chart) and {@code user.yaml} (a values file); the Go log lines of each case come after a
 * marker line {@code ==== <folder>} on standard error.
 */
public final class HelmTemplateProcess {
    /** The marker that starts each case's section of standard error. */
    public static final String MARKER = "==== ";
    /** The line that says Helm refused a case. */
    public static final String REFUSED = "#### helm refused";

    private HelmTemplateProcess() {}

    /** Renders each case; exits with 0 whatever Helm says. */
    public static void main(String[] args) {
        for (String arg : args) {
            Path folder = Path.of(arg);
            System.err.println(MARKER + arg);
            System.err.flush();
            try {
                new Helm(folder.resolve("parent"))
                        .template()
                        .withName("rel")
                        .withValuesFile(folder.resolve("user.yaml"))
                        .call();
            } catch (RuntimeException e) {
                System.err.println(REFUSED);
            }
            System.err.flush();
        }
    }
}
