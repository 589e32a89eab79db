package com.webgrip.deploy.cli;

import com.webgrip.deploy.sops.SopsEnvironment;
import java.nio.file.Path;

/** Where the plan, validate and deploy commands look for SOPS keys: where sops itself looks. */
final class SopsKeys {
    private SopsKeys() {}

    /** The command's environment, home folder ({@code HOME}, else the JVM's) and OS, as the sops commands use. */
    static SopsEnvironment environment(CliContext context) {
        String home = context.environment().getOrDefault("HOME", System.getProperty("user.home"));
        return SopsEnvironment.of(context.environment(), Path.of(home), System.getProperty("os.name", "Linux"));
    }
}
