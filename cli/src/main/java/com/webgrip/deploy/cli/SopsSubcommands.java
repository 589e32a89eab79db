package com.webgrip.deploy.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The subcommands of {@code webgrip-deploy sops}. */
final class SopsSubcommands {
    private SopsSubcommands() {}

    @Command(name = "decrypt", description = "Decrypts a file (standard input if none).")
    static final class Decrypt implements Callable<Integer> {
        @ParentCommand
        SopsCommand parent;

        @Mixin
        SopsOptions options;

        @Parameters(arity = "0..1", paramLabel = "FILE")
        List<String> files = List.of();

        @Override
        public Integer call() {
            return new SopsRunner(parent.context(), options).decrypt(files.isEmpty() ? null : files.get(0));
        }
    }

    @Command(name = "encrypt", description = "Encrypts a file (standard input if none).")
    static final class Encrypt implements Callable<Integer> {
        @ParentCommand
        SopsCommand parent;

        @Mixin
        SopsOptions options;

        @Parameters(arity = "0..1", paramLabel = "FILE")
        List<String> files = List.of();

        @Override
        public Integer call() {
            return new SopsRunner(parent.context(), options).encrypt(files.isEmpty() ? null : files.get(0));
        }
    }

    @Command(name = "edit", description = "Edits a file in $SOPS_EDITOR or $EDITOR and re-encrypts it.")
    static final class Edit implements Callable<Integer> {
        @ParentCommand
        SopsCommand parent;

        @Mixin
        SopsOptions options;

        @Parameters(paramLabel = "FILE")
        String file;

        @Override
        public Integer call() {
            return new SopsRunner(parent.context(), options).edit(file);
        }
    }

    @Command(name = "rotate", description = "Generates a new data key and re-encrypts every value.")
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        SopsCommand parent;

        @Mixin
        SopsOptions options;

        @Parameters(paramLabel = "FILE")
        String file;

        @Override
        public Integer call() {
            return new SopsRunner(parent.context(), options).rotate(file);
        }
    }

    @Command(name = "updatekeys", description = "Re-wraps the data key for the keys of the matching creation rule.")
    static final class UpdateKeys implements Callable<Integer> {
        @ParentCommand
        SopsCommand parent;

        @Mixin
        SopsOptions options;

        @Option(
                names = {"-y", "--yes"},
                description = "Do not ask for confirmation.")
        boolean yes;

        @Parameters(paramLabel = "FILE")
        String file;

        @Override
        public Integer call() {
            return new SopsRunner(parent.context(), options).updateKeys(file, yes);
        }
    }

    @Command(name = "set", description = "Sets the value at a path to a JSON value.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        SopsCommand parent;

        @Mixin
        SopsOptions options;

        @Option(names = "--value-file", description = "Read the value from the file named by the third argument.")
        boolean valueFile;

        @Option(names = "--value-stdin", description = "Read the value from standard input.")
        boolean valueStdin;

        @Option(names = "--idempotent", description = "Succeed without writing when the value is already set.")
        boolean idempotent;

        @Parameters(arity = "2..3", paramLabel = "FILE PATH [VALUE]")
        List<String> args;

        @Override
        public Integer call() {
            return new SopsRunner(parent.context(), options).set(args, valueFile, valueStdin, idempotent);
        }
    }

    @Command(name = "unset", description = "Removes the value at a path.")
    static final class Unset implements Callable<Integer> {
        @ParentCommand
        SopsCommand parent;

        @Mixin
        SopsOptions options;

        @Option(names = "--idempotent", description = "Succeed when the path is already absent.")
        boolean idempotent;

        @Parameters(arity = "2", paramLabel = "FILE PATH")
        List<String> args;

        @Override
        public Integer call() {
            return new SopsRunner(parent.context(), options).unset(args.get(0), args.get(1), idempotent);
        }
    }

    @Command(name = "exec-env", description = "Runs a command with the decrypted values in its environment.")
    static final class ExecEnv implements Callable<Integer> {
        @ParentCommand
        SopsCommand parent;

        @Mixin
        SopsOptions options;

        @Option(names = "--pristine", description = "Give the command only the decrypted values.")
        boolean pristine;

        @Parameters(arity = "2", paramLabel = "FILE COMMAND")
        List<String> args;

        @Override
        public Integer call() {
            return new SopsRunner(parent.context(), options).execEnv(args.get(0), args.get(1), pristine);
        }
    }

    @Command(name = "filestatus", description = "Prints {\"encrypted\": true|false}.")
    static final class FileStatus implements Callable<Integer> {
        @ParentCommand
        SopsCommand parent;

        @Mixin
        SopsOptions options;

        @Parameters(paramLabel = "FILE")
        String file;

        @Override
        public Integer call() {
            return new SopsRunner(parent.context(), options).fileStatus(file);
        }
    }
}
