package com.webgrip.deploy.cli;

import java.io.IOException;

/** The {@code webgrip-deploy} command. */
public final class Main {
    private Main() {}

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        CliContext context = CliContext.system();
        int status = run(context, args);
        try {
            context.stdout().flush();
        } catch (IOException e) {
            context.stderr().println("webgrip-deploy: error: cannot write standard output: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** Runs the command in this process: 0 on success, 1 on failure, 2 on a usage error. */
    static int run(CliContext context, String... args) {
        return Commands.commandLine(context, args).execute(args);
    }
}
