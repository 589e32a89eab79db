package com.webgrip.deploy.cli;

import com.webgrip.deploy.core.check.ValidationReport;
import com.webgrip.deploy.core.check.Validator;
import com.webgrip.deploy.core.platform.Platform;
import com.webgrip.deploy.core.platform.SopsSecrets;
import com.webgrip.deploy.kubernetes.HelmManifestRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code webgrip-deploy validate}: the pre-deployment checks of an ops folder for one environment. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Runs the pre-deployment checks (charts rendered with real Helm, SOPS files, values, order)."
                + " SOPS MACs are verified when SOPS_AGE_KEY or SOPS_AGE_KEY_FILE is set."
                + " Exit 0 when no check finds an error, 2 when one does, 1 on bad input.")
final class ValidateCommand implements Callable<Integer> {
    /** The exit code when a check found an error. */
    static final int FINDINGS = 2;

    private final CliContext context;

    @Mixin
    PlanOptions options;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--strict", description = "Make a chart numbered before a chart it needs an error.")
    boolean strict;

    @Option(names = "--no-render", description = "Skip rendering charts with Helm (manifest checks then say so).")
    boolean noRender;

    ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (!output.equals("text") && !output.equals("json")) {
            throw new IllegalArgumentException("--output must be text or json, found '" + output + "'");
        }
        Platform platform = options.platform();
        Validator.Builder validator =
                Validator.builder(platform).plan(options.plan(platform)).strict(strict);
        if (!noRender) {
            validator.renderer(new HelmManifestRenderer());
        }
        SopsSecrets.fromEnvironment(SopsKeys.environment(context)).ifPresent(validator::decryptor);
        ValidationReport report = validator.build().validate();
        String text = output.equals("json") ? report.toJson() : report.toString();
        context.stdout().write(text.getBytes(StandardCharsets.UTF_8));
        context.stdout().flush();
        return report.passed() ? 0 : FINDINGS;
    }
}
