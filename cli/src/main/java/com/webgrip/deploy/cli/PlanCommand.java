package com.webgrip.deploy.cli;

import com.webgrip.deploy.core.plan.DeploymentPlan;
import com.webgrip.deploy.core.plan.PlanFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code webgrip-deploy plan}: the waves a deployment would run, without touching a cluster. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Prints the deployment plan of an ops folder for one environment: waves of releases in order."
                + " Exit 0 on success, 1 on bad input (cycle, missing need, duplicate number, unknown environment).")
final class PlanCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    PlanOptions options;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, json, mermaid or dot (default: ${DEFAULT-VALUE}).")
    String output;

    PlanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        PlanFormat format = format(output);
        DeploymentPlan plan = options.plan(options.platform());
        context.stdout().write(plan.render(format).getBytes(StandardCharsets.UTF_8));
        context.stdout().flush();
        return 0;
    }

    static PlanFormat format(String name) {
        try {
            return PlanFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--output must be text, json, mermaid or dot, found '" + name + "'", e);
        }
    }
}
