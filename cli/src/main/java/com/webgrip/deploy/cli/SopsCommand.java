package com.webgrip.deploy.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code webgrip-deploy sops}: sops's commands in pure Java. Both spellings work: subcommands
 * ({@code sops decrypt F}) and sops's legacy flags ({@code sops -d F}, {@code -e}, {@code -r}; a
 * bare {@code sops F} edits). Exit statuses are sops's ({@code cmd/sops/codes}).
 */
@Command(
        name = "sops",
        mixinStandardHelpOptions = true,
        description = "Encrypts, decrypts and edits SOPS files (sops 3.13 compatible).",
        subcommands = {
            SopsSubcommands.Decrypt.class,
            SopsSubcommands.Encrypt.class,
            SopsSubcommands.Edit.class,
            SopsSubcommands.Rotate.class,
            SopsSubcommands.UpdateKeys.class,
            SopsSubcommands.Set.class,
            SopsSubcommands.Unset.class,
            SopsSubcommands.ExecEnv.class,
            SopsSubcommands.FileStatus.class
        })
final class SopsCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    SopsOptions options;

    @Option(
            names = {"-d", "--decrypt"},
            description = "Decrypt (legacy spelling of 'decrypt').")
    boolean decrypt;

    @Option(
            names = {"-e", "--encrypt"},
            description = "Encrypt (legacy spelling of 'encrypt').")
    boolean encrypt;

    @Option(
            names = {"-r", "--rotate"},
            description = "Rotate the data key (legacy spelling of 'rotate').")
    boolean rotate;

    @Parameters(arity = "0..1", paramLabel = "FILE")
    List<String> files = List.of();

    SopsCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    @Override
    public Integer call() {
        SopsRunner runner = new SopsRunner(context, options);
        String file = files.isEmpty() ? null : files.get(0);
        int modes = (decrypt ? 1 : 0) + (encrypt ? 1 : 0) + (rotate ? 1 : 0);
        if (modes > 1) {
            return runner.usage("choose one of -d, -e and -r");
        }
        if (decrypt) {
            return runner.decrypt(file);
        }
        if (encrypt) {
            return runner.encrypt(file);
        }
        if (rotate) {
            return runner.rotate(file);
        }
        if (file == null) {
            return runner.usage("a file or a command (decrypt, encrypt, edit, ...) is required");
        }
        return runner.edit(file);
    }
}
