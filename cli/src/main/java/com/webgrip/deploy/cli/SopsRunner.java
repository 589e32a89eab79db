package com.webgrip.deploy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.webgrip.deploy.sops.AtomicFiles;
import com.webgrip.deploy.sops.CreationRule;
import com.webgrip.deploy.sops.EncryptionRule;
import com.webgrip.deploy.sops.KeyRecipient;
import com.webgrip.deploy.sops.Shlex;
import com.webgrip.deploy.sops.Sops;
import com.webgrip.deploy.sops.SopsConfig;
import com.webgrip.deploy.sops.SopsConfigException;
import com.webgrip.deploy.sops.SopsDecryptor;
import com.webgrip.deploy.sops.SopsDocument;
import com.webgrip.deploy.sops.SopsEncryptor;
import com.webgrip.deploy.sops.SopsEnvironment;
import com.webgrip.deploy.sops.SopsException;
import com.webgrip.deploy.sops.SopsFiles;
import com.webgrip.deploy.sops.SopsNoKeyException;
import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.Store;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.store.Stores;
import com.webgrip.deploy.sops.tree.Node;
import com.webgrip.deploy.sops.tree.TreeConversions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the sops command does, shared by its subcommands and its legacy flags. */
final class SopsRunner {
    /** sops's exit codes that are not carried by an exception. */
    static final int USAGE = 2;

    static final int NO_FILE = 100;
    static final int FILE_ALREADY_ENCRYPTED = 203;
    static final int WRITE_FAILED = 3;

    private final CliContext context;
    private final SopsOptions options;
    private final SopsEnvironment environment;

    SopsRunner(CliContext context, SopsOptions options) {
        this.context = context;
        this.options = options;
        String home = context.environment().getOrDefault("HOME", System.getProperty("user.home"));
        this.environment =
                SopsEnvironment.of(context.environment(), Path.of(home), System.getProperty("os.name", "Linux"));
    }

    int usage(String message) {
        context.stderr().println("sops: error: " + message);
        return USAGE;
    }

    private int fail(Exception e, List<String> problems) {
        StringBuilder message = new StringBuilder("sops: error: ").append(e.getMessage());
        if (e instanceof SopsNoKeyException && !problems.isEmpty()) {
            message.append("\n  while looking for keys: ").append(String.join("\n  ", problems));
        }
        context.stderr().println(message);
        return e instanceof SopsException se ? se.exitCode() : 1;
    }

    int decrypt(String file) {
        SopsEnvironment.Found found = environment.credentials();
        try {
            Format in = inputFormat(file);
            Format out = outputFormat(in);
            StoreOptions storeOptions = storeOptions(file);
            SopsDecryptor decryptor = Sops.decryptor()
                    .credentials(found.credentials())
                    .ignoreMac(options.ignoreMac)
                    .storeOptions(storeOptions)
                    .decryptionOrder(decryptionOrder())
                    .build();
            SopsDocument document = decryptor.decrypt(read(file), in, name(file));
            byte[] result;
            if (options.extract != null) {
                if (in == Format.BINARY) {
                    return usage("--extract does not work on binary files");
                }
                Node value = document.extract(options.extract);
                result = value instanceof Node.Str s
                        ? s.value().getBytes(StandardCharsets.UTF_8)
                        : Stores.forFormat(out, storeOptions).emitValue(value);
            } else {
                result = document.emit(out, storeOptions);
            }
            return write(file, result);
        } catch (IOException e) {
            return fail(e, found.problems());
        }
    }

    int encrypt(String file) {
        SopsEnvironment.Found found = environment.credentials();
        try {
            Format in = inputFormat(file);
            Format out = outputFormat(in);
            StoreOptions storeOptions = storeOptions(file);
            CreationRule rule = creationRule(file);
            SopsEncryptor.Builder builder = Sops.encryptor()
                    .credentials(found.credentials())
                    .storeOptions(storeOptions)
                    .rule(rule.rule())
                    .macOnlyEncrypted(rule.macOnlyEncrypted())
                    .shamirThreshold(rule.shamirThreshold());
            rule.keyGroups().forEach(builder::keyGroup);
            Store input = Stores.forFormat(in, storeOptions);
            byte[] encrypted = builder.build().encrypt(input.loadPlain(read(file), name(file)), out, name(file));
            return write(file, encrypted);
        } catch (SopsException e) {
            if (e.getMessage() != null && e.getMessage().contains("already has sops metadata")) {
                context.stderr().println("sops: error: " + e.getMessage());
                return FILE_ALREADY_ENCRYPTED;
            }
            return fail(e, found.problems());
        } catch (IOException e) {
            return fail(e, found.problems());
        }
    }

    /** The key groups and rule for encryption: flags, then SOPS_* variables, then .sops.yaml. */
    private CreationRule creationRule(String file) throws SopsException {
        List<KeyRecipient> flagged = new ArrayList<>();
        split(options.pgp).forEach(fp -> flagged.add(KeyRecipient.pgp(fp)));
        split(options.age).forEach(r -> flagged.add(KeyRecipient.age(r)));
        if (flagged.isEmpty()) {
            flagged.addAll(environment.recipients());
        }
        CreationRule base;
        if (!flagged.isEmpty()) {
            base = new CreationRule("", List.of(flagged), 0, EncryptionRule.DEFAULT, false);
        } else {
            Optional<SopsConfig> config = config();
            if (config.isEmpty()) {
                throw new SopsConfigException("no key to encrypt with: give --age or --pgp, set SOPS_AGE_RECIPIENTS,"
                        + " or add a creation rule to a .sops.yaml");
            }
            base = config.get().ruleFor(file == null ? Path.of(name(null)) : Path.of(file));
        }
        EncryptionRule rule = base.rule();
        int given = 0;
        String[][] flags = {
            {options.unencryptedSuffix, "UNENCRYPTED_SUFFIX"},
            {options.encryptedSuffix, "ENCRYPTED_SUFFIX"},
            {options.unencryptedRegex, "UNENCRYPTED_REGEX"},
            {options.encryptedRegex, "ENCRYPTED_REGEX"},
            {options.unencryptedCommentRegex, "UNENCRYPTED_COMMENT_REGEX"},
            {options.encryptedCommentRegex, "ENCRYPTED_COMMENT_REGEX"}
        };
        for (String[] flag : flags) {
            if (flag[0] != null) {
                given++;
                try {
                    rule = EncryptionRule.of(EncryptionRule.Kind.valueOf(flag[1]), flag[0]);
                } catch (IllegalArgumentException e) {
                    throw new SopsConfigException(e.getMessage(), e);
                }
            }
        }
        if (given > 1) {
            throw new SopsConfigException("give at most one of the --(un)encrypted-suffix/-regex/-comment-regex flags");
        }
        int threshold = options.shamirThreshold != 0 ? options.shamirThreshold : base.shamirThreshold();
        return new CreationRule(
                base.pathRegex(),
                base.keyGroups(),
                threshold,
                rule,
                options.macOnlyEncrypted || base.macOnlyEncrypted());
    }

    private Optional<SopsConfig> config() throws SopsConfigException {
        String explicit =
                options.config != null ? options.config : context.environment().get("SOPS_CONFIG");
        if (explicit != null && !explicit.isEmpty()) {
            return Optional.of(SopsConfig.load(Path.of(explicit), false));
        }
        List<String> ignored = new ArrayList<>();
        Optional<Path> found = SopsConfig.find(Path.of("").toAbsolutePath(), ignored);
        ignored.forEach(w -> context.stderr().println("sops: warning: " + w));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SopsConfig config = SopsConfig.load(found.get(), false);
        config.warnings().forEach(w -> context.stderr().println("sops: warning: " + w));
        return Optional.of(config);
    }

    int edit(String file) {
        SopsEnvironment.Found found = environment.credentials();
        Path target = Path.of(file);
        try {
            Format format = inputFormat(file);
            StoreOptions storeOptions = storeOptions(file);
            SopsFiles files = SopsFiles.builder()
                    .credentials(found.credentials())
                    .ignoreMac(options.ignoreMac)
                    .storeOptions(storeOptions)
                    .build();
            Store store = Stores.forFormat(format, storeOptions);
            boolean changed = files.edit(target, format, documents -> {
                try {
                    byte[] edited = runEditor(
                            store.emitPlain(documents), target.getFileName().toString());
                    return store.loadPlain(edited, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!changed) {
                context.stderr().println("sops: file has not changed, exiting.");
                return 200;
            }
            return 0;
        } catch (UncheckedIOException e) {
            return fail(e.getCause(), found.problems());
        } catch (IOException e) {
            return fail(e, found.problems());
        }
    }

    private byte[] runEditor(byte[] plaintext, String name) throws IOException {
        String editor = context.environment()
                .getOrDefault("SOPS_EDITOR", context.environment().get("EDITOR"));
        if (editor == null || editor.isBlank()) {
            editor = "vi";
        }
        Path dir = Files.createTempDirectory(
                "sops-edit", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path temp = dir.resolve(name);
        try {
            Files.write(temp, plaintext);
            Arrays.fill(plaintext, (byte) 0);
            // split as sops does (shlex), so a quoted path with spaces stays one word
            List<String> command = new ArrayList<>(Shlex.split(editor));
            if (command.isEmpty()) {
                throw new SopsException("the editor command is empty after splitting");
            }
            command.add(temp.toString());
            Process process = new ProcessBuilder(command).inheritIO().start();
            int status = process.waitFor();
            if (status != 0) {
                throw new SopsException("the editor exited with status " + status + "; the file was not changed");
            }
            return Files.readAllBytes(temp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SopsException("interrupted while waiting for the editor");
        } finally {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(dir);
        }
    }

    int rotate(String file) {
        SopsEnvironment.Found found = environment.credentials();
        if (file == null) {
            return usage("rotate needs a file");
        }
        try {
            Format format = inputFormat(file);
            SopsFiles files = SopsFiles.builder()
                    .credentials(found.credentials())
                    .ignoreMac(options.ignoreMac)
                    .storeOptions(storeOptions(file))
                    .build();
            List<KeyRecipient> add = new ArrayList<>();
            List<KeyRecipient> remove = new ArrayList<>();
            split(options.addAge).forEach(r -> add.add(KeyRecipient.age(r)));
            split(options.addPgp).forEach(r -> add.add(KeyRecipient.pgp(r)));
            split(options.rmAge).forEach(r -> remove.add(KeyRecipient.age(r)));
            split(options.rmPgp).forEach(r -> remove.add(KeyRecipient.pgp(r)));
            if (options.inPlace) {
                files.rotate(Path.of(file), format, add, remove);
                return 0;
            }
            Path dir = Files.createTempDirectory("sops-rotate");
            Path copy = dir.resolve(Path.of(file).getFileName());
            try {
                Files.copy(Path.of(file), copy);
                files.rotate(copy, format, add, remove);
                return write(null, Files.readAllBytes(copy));
            } finally {
                Files.deleteIfExists(copy);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            return fail(e, found.problems());
        }
    }

    int updateKeys(String file, boolean yes) {
        SopsEnvironment.Found found = environment.credentials();
        try {
            Optional<SopsConfig> config = config();
            if (config.isEmpty()) {
                context.stderr().println("sops: error: no .sops.yaml found");
                return 61;
            }
            CreationRule rule = config.get().ruleFor(Path.of(file));
            context.stderr().println("The following changes will be made to the file's key groups:");
            for (int i = 0; i < rule.keyGroups().size(); i++) {
                context.stderr().println("Group " + (i + 1));
                rule.keyGroups()
                        .get(i)
                        .forEach(k -> context.stderr().println("    " + k.type() + ": " + k.recipient()));
            }
            if (!yes) {
                context.stderr().print("Is this okay? (y/n):");
                context.stderr().flush();
                String answer = new String(context.stdin().readNBytes(16), StandardCharsets.UTF_8).strip();
                if (!answer.equalsIgnoreCase("y")) {
                    context.stderr().println("Changes not applied.");
                    return 0;
                }
            }
            SopsFiles files = SopsFiles.builder()
                    .credentials(found.credentials())
                    .storeOptions(storeOptions(file))
                    .build();
            boolean changed = files.updateKeys(Path.of(file), inputFormat(file), rule);
            context.stderr()
                    .println(
                            changed
                                    ? "File " + file + " synced with new keys"
                                    : "File " + file + " already up to date");
            return 0;
        } catch (IOException e) {
            return fail(e, found.problems());
        }
    }

    int set(List<String> args, boolean valueFile, boolean valueStdin, boolean idempotent) {
        SopsEnvironment.Found found = environment.credentials();
        try {
            String file = args.get(0);
            String valueText;
            if (valueStdin) {
                valueText = new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8);
            } else if (args.size() < 3) {
                return usage("set needs FILE PATH VALUE (or --value-stdin)");
            } else if (valueFile) {
                valueText = Files.readString(Path.of(args.get(2)));
            } else {
                valueText = args.get(2);
            }
            Node value;
            try {
                value = TreeConversions.fromJson(new ObjectMapper().readTree(valueText));
            } catch (IOException e) {
                context.stderr().println("sops: error: the value is not valid JSON: " + e.getMessage());
                return 7;
            }
            SopsFiles files = SopsFiles.builder()
                    .credentials(found.credentials())
                    .ignoreMac(options.ignoreMac)
                    .storeOptions(storeOptions(file))
                    .build();
            // without changes nothing is written, which is what --idempotent asks for anyway
            files.set(Path.of(file), inputFormat(file), args.get(1), value);
            return 0;
        } catch (IOException e) {
            return fail(e, found.problems());
        }
    }

    int unset(String file, String path, boolean idempotent) {
        SopsEnvironment.Found found = environment.credentials();
        try {
            SopsFiles files = SopsFiles.builder()
                    .credentials(found.credentials())
                    .ignoreMac(options.ignoreMac)
                    .storeOptions(storeOptions(file))
                    .build();
            files.unset(Path.of(file), inputFormat(file), path, idempotent);
            return 0;
        } catch (IOException e) {
            return fail(e, found.problems());
        }
    }

    int execEnv(String file, String command, boolean pristine) {
        SopsEnvironment.Found found = environment.credentials();
        try {
            SopsFiles files = SopsFiles.builder()
                    .credentials(found.credentials())
                    .ignoreMac(options.ignoreMac)
                    .build();
            Map<String, String> secrets = files.environment(Path.of(file), inputFormat(file));
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).inheritIO();
            Map<String, String> env = builder.environment();
            env.clear();
            if (!pristine) {
                env.putAll(context.environment());
            }
            env.putAll(secrets);
            Process process = builder.start();
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException e) {
            return fail(e, found.problems());
        }
    }

    int fileStatus(String file) {
        try {
            boolean encrypted = SopsFiles.builder().build().isEncrypted(Path.of(file), inputFormat(file));
            context.stdout().write(("{\"encrypted\":" + encrypted + "}\n").getBytes(StandardCharsets.UTF_8));
            return 0;
        } catch (IOException e) {
            return fail(e, List.of());
        }
    }

    private List<String> decryptionOrder() {
        String order = options.decryptionOrder != null
                ? options.decryptionOrder
                : context.environment().getOrDefault("SOPS_DECRYPTION_ORDER", "age,pgp");
        return split(order);
    }

    private static List<String> split(String commaSeparated) {
        List<String> parts = new ArrayList<>();
        if (commaSeparated != null) {
            for (String part : commaSeparated.split(",", -1)) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }

    private String name(String file) {
        if (file != null) {
            return file;
        }
        return options.filenameOverride != null ? options.filenameOverride : "stdin";
    }

    private Format inputFormat(String file) throws SopsException {
        if (options.inputType != null) {
            return Format.forFlag(options.inputType)
                    .orElseThrow(() -> new SopsConfigException("unknown --input-type " + options.inputType
                            + "; expected yaml, json, dotenv, ini, binary or toml"));
        }
        return Format.forPath(Path.of(name(file)));
    }

    private Format outputFormat(Format input) throws SopsException {
        if (options.outputType != null) {
            return Format.forFlag(options.outputType)
                    .orElseThrow(() -> new SopsConfigException("unknown --output-type " + options.outputType
                            + "; expected yaml, json, dotenv, ini, binary or toml"));
        }
        return input;
    }

    private StoreOptions storeOptions(String file) {
        StoreOptions storeOptions = StoreOptions.defaults();
        try {
            Optional<SopsConfig> config = options.config != null || file != null ? quietConfig() : Optional.empty();
            if (config.isPresent()) {
                storeOptions = config.get().storeOptions();
            }
        } catch (SopsConfigException e) {
            // a broken config is reported where rules are needed; formatting falls back to defaults
        }
        if (options.indent > 0) {
            storeOptions = storeOptions.withYamlIndent(options.indent).withJsonIndent(options.indent);
        }
        return storeOptions.withKeepAnchors(options.keepAnchors);
    }

    private Optional<SopsConfig> quietConfig() throws SopsConfigException {
        if (options.config != null) {
            return Optional.of(SopsConfig.load(Path.of(options.config), false));
        }
        Optional<Path> found = SopsConfig.find(Path.of("").toAbsolutePath(), new ArrayList<>());
        return found.isPresent() ? Optional.of(SopsConfig.load(found.get(), false)) : Optional.empty();
    }

    private byte[] read(String file) throws IOException {
        if (file == null) {
            return context.stdin().readAllBytes();
        }
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new SopsException("could not read " + file + ": " + e.getMessage(), e) {
                private static final long serialVersionUID = 1L;

                @Override
                public int exitCode() {
                    return 2;
                }
            };
        }
    }

    private int write(String file, byte[] content) {
        try {
            if (options.inPlace) {
                if (file == null) {
                    return usage("--in-place needs a file, not standard input");
                }
                AtomicFiles.write(Path.of(file), content);
            } else if (options.output != null) {
                AtomicFiles.write(Path.of(options.output), content);
            } else {
                context.stdout().write(content);
                context.stdout().flush();
            }
            return 0;
        } catch (IOException e) {
            context.stderr().println("sops: error: could not write the output: " + e.getMessage());
            return WRITE_FAILED;
        }
    }
}
