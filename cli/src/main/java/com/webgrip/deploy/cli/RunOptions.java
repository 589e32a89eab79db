package com.webgrip.deploy.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options deploy and resume share. */
final class RunOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "OPS", description = "the ops folder (default: ./ops)")
    Path ops = Path.of("ops");

    @Option(names = "--env", paramLabel = "ENV", description = "the environment (default: default)")
    String environment = "default";

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "journals, history and the simulated cluster (default: .webgrip-deploy next to OPS)")
    Path stateDir;

    @Option(names = "--simulate", description = "deploy to the testkit's simulated cluster, in virtual time")
    boolean simulate;

    @Option(
            names = "--identity",
            paramLabel = "FILE",
            description = "an age identity file to decrypt SOPS secrets (else SOPS_AGE_KEY / SOPS_AGE_KEY_FILE)")
    Path identity;

    @Option(
            names = "--approve-as",
            paramLabel = "NAME",
            description = "approve a run that needs a yes (production) in this person's name")
    String approveAs;

    @Option(names = "--json", description = "print one JSON event per line instead of the progress view")
    boolean json;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "how many steps of a wave run side by side (default: 4)")
    int parallel = 4;
}
