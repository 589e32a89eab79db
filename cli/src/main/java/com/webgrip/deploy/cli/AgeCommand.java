package com.webgrip.deploy.cli;

import com.webgrip.deploy.age.Age;
import com.webgrip.deploy.age.AgeDecryptor;
import com.webgrip.deploy.age.AgeEncryptor;
import com.webgrip.deploy.age.AgeException;
import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.FileKey;
import com.webgrip.deploy.age.Identity;
import com.webgrip.deploy.age.Recipient;
import com.webgrip.deploy.age.Stanza;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code webgrip-deploy age}: age(1)'s flags over the pure-Java age. */
@Command(
        name = "age",
        mixinStandardHelpOptions = true,
        description = {
            "Encrypts to recipients or a passphrase, or decrypts with identities, like age(1).",
            "Reads INPUT (default standard input) and writes -o OUTPUT (default standard output)."
        })
final class AgeCommand implements Callable<Integer> {
    /** The scrypt work factor of new passphrase files, as Go age uses. */
    static final int PASSPHRASE_WORK_FACTOR = 18;

    private final CliContext context;

    @Option(
            names = {"-e", "--encrypt"},
            description = "Encrypt (the default).")
    boolean encrypt;

    @Option(
            names = {"-d", "--decrypt"},
            description = "Decrypt.")
    boolean decrypt;

    @Option(
            names = {"-r", "--recipient"},
            paramLabel = "RECIPIENT",
            description = "Encrypt to this recipient (repeatable).")
    List<String> recipients = new ArrayList<>();

    @Option(
            names = {"-R", "--recipients-file"},
            paramLabel = "PATH",
            description = "Encrypt to the recipients in this file (repeatable).")
    List<Path> recipientFiles = new ArrayList<>();

    @Option(
            names = {"-i", "--identity"},
            paramLabel = "PATH",
            description =
                    "Decrypt with the identities in this file (repeatable); with -e, encrypt to their public keys.")
    List<Path> identityFiles = new ArrayList<>();

    @Option(
            names = {"-a", "--armor"},
            description = "Write PEM-armored output.")
    boolean armor;

    @Option(
            names = {"-p", "--passphrase"},
            description = "Encrypt with a passphrase (from the terminal, or AGE_PASSPHRASE).")
    boolean passphrase;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUTPUT",
            description = "Write here instead of standard output.")
    Path output;

    @Parameters(arity = "0..1", paramLabel = "INPUT", description = "Read this file instead of standard input.")
    Path input;

    AgeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        checkFlags();
        try (InputStream in =
                input == null || input.toString().equals("-") ? context.stdin() : Files.newInputStream(input)) {
            if (decrypt) {
                AgeDecryptor decryptor =
                        Age.decryptor().identities(identities()).build();
                InputStream plaintext = decryptor.decryptingStream(in);
                writeOutput(plaintext::transferTo);
            } else {
                AgeEncryptor encryptor = Age.encryptor()
                        .recipients(recipients())
                        .armor(armor)
                        .random(context.random())
                        .build();
                writeOutput(out -> {
                    try (OutputStream encrypting = encryptor.encryptingStream(out)) {
                        in.transferTo(encrypting);
                    }
                });
            }
        }
        return 0;
    }

    private void checkFlags() throws AgeException {
        if (encrypt && decrypt) {
            throw new AgeException("-e/--encrypt can't be used with -d/--decrypt");
        }
        boolean hasRecipients = !recipients.isEmpty() || !recipientFiles.isEmpty();
        if (decrypt) {
            if (hasRecipients) {
                throw new AgeException("-r/--recipient and -R/--recipients-file can't be used with -d/--decrypt");
            }
            if (armor) {
                throw new AgeException("-a/--armor can't be used with -d/--decrypt");
            }
            if (passphrase) {
                throw new AgeException(
                        "-p/--passphrase can't be used with -d/--decrypt (passphrase files are detected)");
            }
        } else if (passphrase && (hasRecipients || !identityFiles.isEmpty())) {
            throw new AgeException("-p/--passphrase can't be combined with -r, -R or -i");
        } else if (!passphrase && !hasRecipients && identityFiles.isEmpty()) {
            throw new AgeException("missing recipients: use -r, -R, -i or -p");
        }
    }

    private List<Recipient> recipients() throws IOException {
        List<Recipient> all = new ArrayList<>();
        if (passphrase) {
            char[] secret = Passphrases.forEncryption(context);
            try {
                all.add(AgeKeys.passphraseRecipient(secret, PASSPHRASE_WORK_FACTOR, context.random()));
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
        for (String recipient : recipients) {
            all.add(AgeKeys.parseRecipient(recipient, context.random()));
        }
        for (Path file : recipientFiles) {
            all.addAll(AgeKeys.readRecipientsFile(file, context.random()));
        }
        for (Path file : identityFiles) {
            for (Identity identity : AgeKeys.readIdentitiesFile(file)) {
                all.add(AgeKeys.publicKeyOf(identity));
            }
        }
        return all;
    }

    private List<Identity> identities() throws IOException {
        List<Identity> all = new ArrayList<>();
        for (Path file : identityFiles) {
            all.addAll(AgeKeys.readIdentitiesFile(file));
        }
        if (all.isEmpty()) {
            all.add(new PromptingPassphraseIdentity(context));
        }
        return all;
    }

    /** Writes to -o atomically, or to standard output. */
    private void writeOutput(Writer writer) throws IOException {
        if (output == null || output.toString().equals("-")) {
            OutputStream out = OutputFiles.unclosable(context.stdout());
            writer.writeTo(out);
            out.flush();
            return;
        }
        try (OutputFiles.Pending pending = OutputFiles.replacing(output)) {
            try (OutputStream out = pending.stream()) {
                writer.writeTo(out);
            }
            pending.commit();
        }
    }

    @FunctionalInterface
    private interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Without {@code -i}, a file is decrypted with a passphrase, asked for only when the file has
     * an scrypt stanza, as age does.
     */
    static final class PromptingPassphraseIdentity implements Identity {
        private final CliContext context;

        PromptingPassphraseIdentity(CliContext context) {
            this.context = context;
        }

        @Override
        public Optional<FileKey> unwrap(List<Stanza> stanzas) throws AgeException {
            if (stanzas.stream().noneMatch(s -> s.type().equals("scrypt"))) {
                throw new AgeException("no identity given: use -i (the file is not passphrase-encrypted)");
            }
            char[] secret = Passphrases.forDecryption(context);
            try {
                return AgeKeys.passphraseIdentity(secret).unwrap(stanzas);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }

        @Override
        public String typeName() {
            return "scrypt";
        }
    }
}
