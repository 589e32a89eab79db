package com.webgrip.deploy.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one place where the subcommands of {@code webgrip-deploy} are registered, one line each. */
final class Commands {
    private Commands() {}

    static CommandLine commandLine(CliContext context) {
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand("age", new AgeCommand(context));
        root.addSubcommand("age-keygen", new AgeKeygenCommand(context));
        root.addSubcommand("age-inspect", new AgeInspectCommand(context));
        root.addSubcommand("plan", new PlanCommand(context));
        root.addSubcommand("validate", new ValidateCommand(context));
        root.addSubcommand("sops", new CommandLine(new SopsCommand(context)));
        root.addSubcommand("deploy", new DeployCommand(context));
        root.addSubcommand("resume", new ResumeCommand(context));
        root.addSubcommand("history", new HistoryCommand(context));
        root.addSubcommand("metrics", new MetricsCommand(context));
        return configure(root, context);
    }

    private static CommandLine configure(CommandLine root, CliContext context) {
        PrintWriter err = new PrintWriter(
                new java.io.OutputStreamWriter(context.stderr(), java.nio.charset.StandardCharsets.UTF_8), true);
        root.setErr(err);
        root.setOut(new PrintWriter(
                new java.io.OutputStreamWriter(context.stdout(), java.nio.charset.StandardCharsets.UTF_8), true));
        root.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Messages of our exceptions name what was wrong and never hold a secret.
            err.println(commandLine.getCommandName() + ": error: " + describe(e));
            return 1;
        });
        return root;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    @Command(
            name = "webgrip-deploy",
            mixinStandardHelpOptions = true,
            version = "webgrip-deploy 0.1.0-SNAPSHOT",
            description = "Deploys a Git-kept Kubernetes platform; encrypts and decrypts age files.",
            subcommandsRepeatable = false)
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
        }
    }
}
