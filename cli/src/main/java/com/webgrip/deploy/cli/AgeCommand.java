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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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

    /** Keys read from standard input ({@code -R -}, {@code -i -}) are bounded like key files. */
    private static final int MAX_KEYS_FROM_STANDARD_INPUT = 16 << 20;

    private static final String STANDARD_INPUT = "standard input";

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
            description = "Encrypt to the recipients in this file (repeatable); - reads standard input.")
    List<Path> recipientFiles = new ArrayList<>();

    @Option(
            names = {"-i", "--identity"},
            paramLabel = "PATH",
            description = "Decrypt with the identities in this file (repeatable; - reads standard input, an age -p file"
                    + " is asked its passphrase); with -e, encrypt to their public keys.")
    List<Path> identityFiles = new ArrayList<>();

    @Option(
            names = {"-a", "--armor"},
            description = "Write PEM-armored output.")
    boolean armor;

    @Option(
            names = {"-p", "--passphrase"},
            description = "Encrypt with a passphrase (from the terminal, or AGE_PASSPHRASE); an empty one typed at"
                    + " the terminal is replaced by a generated one, which is shown.")
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
        checkStandardStreams();
        try (InputStream in = readsStandardInput(input) ? context.stdin() : Files.newInputStream(input)) {
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

    /**
     * As age(1): standard input serves one purpose only (the input, {@code -R -} or {@code -i
     * -}), and binary ciphertext is not written to a terminal unless asked for with {@code -o -}.
     */
    private void checkStandardStreams() throws AgeException {
        long uses = Stream.concat(recipientFiles.stream(), identityFiles.stream())
                        .filter(AgeCommand::isStandardStream)
                        .count()
                + (readsStandardInput(input) ? 1 : 0);
        if (uses > 1) {
            throw new AgeException("standard input is used for multiple purposes;"
                    + " give the input as a file when -R - or -i - reads standard input");
        }
        if (!decrypt && !armor && output == null && context.terminal().standardOutputIsTerminal()) {
            throw new AgeException("refusing to output binary to the terminal;"
                    + " did you mean to use -a/--armor? Force anyway with \"-o -\"");
        }
    }

    private static boolean readsStandardInput(Path input) {
        return input == null || isStandardStream(input);
    }

    private static boolean isStandardStream(Path path) {
        return path.toString().equals("-");
    }

    /** The bytes of {@code -R -} or {@code -i -}, bounded like a key file. */
    private byte[] standardInputKeys() throws IOException {
        byte[] bytes = context.stdin().readNBytes(MAX_KEYS_FROM_STANDARD_INPUT + 1);
        if (bytes.length > MAX_KEYS_FROM_STANDARD_INPUT) {
            Arrays.fill(bytes, (byte) 0);
            throw new AgeException("standard input holds more than " + MAX_KEYS_FROM_STANDARD_INPUT + " bytes of keys");
        }
        return bytes;
    }

    private List<Identity> readIdentities(Path file, TerminalUi ui) throws IOException {
        if (!isStandardStream(file)) {
            return AgeKeys.readIdentitiesFile(file, ui);
        }
        byte[] bytes = standardInputKeys();
        try {
            return AgeKeys.parseIdentities(bytes, STANDARD_INPUT, ui);
        } finally {
            Arrays.fill(bytes, (byte) 0);
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
            all.add(AgeKeys.parseRecipient(recipient, context.random(), new TerminalUi(context)));
        }
        for (Path file : recipientFiles) {
            TerminalUi ui = new TerminalUi(context);
            all.addAll(
                    isStandardStream(file)
                            ? AgeKeys.parseRecipients(
                                    new String(standardInputKeys(), StandardCharsets.UTF_8),
                                    STANDARD_INPUT,
                                    context.random(),
                                    ui)
                            : AgeKeys.readRecipientsFile(file, context.random(), ui));
        }
        for (Path file : identityFiles) {
            for (Identity identity : readIdentities(file, new TerminalUi(context))) {
                all.addAll(AgeKeys.recipientsOf(identity));
            }
        }
        return all;
    }

    private List<Identity> identities() throws IOException {
        List<Identity> all = new ArrayList<>();
        for (Path file : identityFiles) {
            all.addAll(readIdentities(file, new TerminalUi(context)));
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
