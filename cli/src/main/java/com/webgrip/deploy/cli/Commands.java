package com.webgrip.deploy.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one place where the subcommands of {@code webgrip-deploy} are registered, one line each. */
final class Commands {
    private Commands() {}

    /** The subcommands in the order help lists them. */
    private static final Map<String, Function<CliContext, Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Function<CliContext, Object>> subcommands() {
        Map<String, Function<CliContext, Object>> all = new LinkedHashMap<>();
        all.put("age", AgeCommand::new);
        all.put("age-keygen", AgeKeygenCommand::new);
        all.put("age-inspect", AgeInspectCommand::new);
        all.put("plan", PlanCommand::new);
        all.put("validate", ValidateCommand::new);
        all.put("sops", context -> new CommandLine(new SopsCommand(context)));
        all.put("deploy", DeployCommand::new);
        all.put("resume", ResumeCommand::new);
        all.put("history", HistoryCommand::new);
        all.put("metrics", MetricsCommand::new);
        return java.util.Collections.unmodifiableMap(all);
    }

    /**
     * The command line for {@code args}. When the first argument names a subcommand, only that
     * one is built: picocli reflects over every command it is given, and building all of them
     * took most of a second of start-up for an {@code age -d}.
     */
    static CommandLine commandLine(CliContext context, String... args) {
        CommandLine root = new CommandLine(new Root());
        Function<CliContext, Object> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
        if (named != null) {
            root.addSubcommand(args[0], named.apply(context));
        } else {
            SUBCOMMANDS.forEach((name, factory) -> root.addSubcommand(name, factory.apply(context)));
        }
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
