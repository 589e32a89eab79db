package com.webgrip.deploy.cli;

import com.webgrip.deploy.core.plan.DeploymentPlan;
import com.webgrip.deploy.core.platform.Environment;
import com.webgrip.deploy.core.platform.Planner;
import com.webgrip.deploy.core.platform.Platform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code plan} and {@code validate} share: which ops folder, environment and charts. */
final class PlanOptions {
    @Parameters(
            arity = "0..1",
            paramLabel = "OPS_FOLDER",
            defaultValue = "ops",
            description = "The ops folder (default: ${DEFAULT-VALUE}).")
    Path ops;

    @Option(
            names = "--env",
            paramLabel = "ENV",
            description = "The environment (default: 'default', the only one when there is no environments.yaml).")
    String environment;

    @Option(
            names = "--select",
            paramLabel = "CHARTS",
            description = "Charts to plan: a folder name (010-cert-manager or cert-manager), a number (010), a range"
                    + " (010-045) or label=NAME. Repeatable. Their needs come along unless --no-needs.")
    List<String> selectors = new ArrayList<>();

    @Option(names = "--no-needs", description = "Leave out the needs of selected charts; the plan lists them.")
    boolean noNeeds;

    Platform platform() throws IOException {
        return Platform.load(ops);
    }

    String environment(Platform platform) {
        return environment != null ? environment : Environment.DEFAULT;
    }

    DeploymentPlan plan(Platform platform) throws IOException {
        Planner planner = platform.planner(environment(platform));
        selectors.forEach(planner::select);
        if (noNeeds) {
            planner.withoutNeeds();
        }
        return planner.plan();
    }
}
