package com.webgrip.deploy.age;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads, generates and converts age keys: the one entry point for recipient strings, recipients
 * files, identity strings and identities files, whatever their type.
 *
 * <p>Each string is dispatched on its form ({@code age1…}, {@code AGE-SECRET-KEY-1…},
 * {@code ssh-ed25519 …}, PEM blocks, ...). Errors name the source and line and what was expected;
 * they never contain key text.
 */
public final class AgeKeys {
    /** Identities and recipients files larger than this are refused rather than read into memory. */
    static final long MAX_KEY_FILE_SIZE = 16L << 20;

    private static final class RandomHolder {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private AgeKeys() {}

    static SecureRandom defaultRandom() {
        return RandomHolder.RANDOM;
    }

    /** Parses one recipient string, for example {@code age1…}, using a default {@link SecureRandom}. */
    public static Recipient parseRecipient(String text) throws AgeKeyException {
        return parseRecipient(text, defaultRandom());
    }

    /**
     * Parses one recipient string; the recipient draws its ephemeral keys from {@code random}.
     *
     * @throws AgeKeyException when the form is unknown, malformed or not supported by this build
     */
    public static Recipient parseRecipient(String text, SecureRandom random) throws AgeKeyException {
        return parseRecipient(text, random, AgeUi.nonInteractive());
    }

    /**
     * Parses one recipient string; {@code ui} answers a plugin recipient's messages and requests
     * while it wraps.
     *
     * @throws AgeKeyException when the form is unknown, malformed or not supported by this build
     */
    public static Recipient parseRecipient(String text, SecureRandom random, AgeUi ui) throws AgeKeyException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(ui, "ui");
        String trimmed = text.strip();
        for (KeyFormats.RecipientFormat format : KeyFormats.RECIPIENTS) {
            if (format.recognizes().test(trimmed)) {
                try {
                    return format.parser().parse(trimmed, random, ui);
                } catch (IllegalArgumentException e) {
                    throw new AgeKeyException("malformed " + format.description() + " recipient: " + e.getMessage(), e);
                }
            }
        }
        if (trimmed.startsWith("AGE-")) {
            throw new AgeKeyException("expected a recipient (public key) but found an identity (secret key)");
        }
        throw new AgeKeyException("unrecognized recipient; expected one of: "
                + KeyFormats.RECIPIENTS.stream()
                        .map(KeyFormats.RecipientFormat::description)
                        .collect(Collectors.joining(", ")));
    }

    /**
     * Parses the text of a recipients file: one recipient per line; blank lines and lines starting
     * with {@code #} are skipped.
     *
     * @param source names the file in error messages
     */
    public static List<Recipient> parseRecipients(String content, String source, SecureRandom random)
            throws AgeKeyException {
        return parseRecipients(content, source, random, AgeUi.nonInteractive());
    }

    /**
     * Like {@link #parseRecipients(String, String, SecureRandom)}, with a UI for plugin recipients.
     * As in Go age, an SSH public key of a type age cannot encrypt to (ecdsa, sk-…) is
     * skipped, and {@code ui} is warned, rather than failing the whole file.
     */
    public static List<Recipient> parseRecipients(String content, String source, SecureRandom random, AgeUi ui)
            throws AgeKeyException {
        List<Recipient> recipients = new ArrayList<>();
        List<String> lines = content.lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                recipients.add(parseRecipient(line, random, ui));
            } catch (AgeKeyException e) {
                Optional<String> sshType = SshPublicKey.declaredType(line);
                if (sshType.isPresent()) {
                    ui.warn(source, "line " + (i + 1) + ": ignoring unsupported SSH key of type " + sshType.get());
                    continue;
                }
                throw new AgeKeyException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (recipients.isEmpty()) {
            throw new AgeKeyException(source + ": no recipients found");
        }
        return List.copyOf(recipients);
    }

    /** Reads a recipients file (see {@link #parseRecipients}). */
    public static List<Recipient> readRecipientsFile(Path file, SecureRandom random) throws IOException {
        return readRecipientsFile(file, random, AgeUi.nonInteractive());
    }

    /** Reads a recipients file, with a UI for plugin recipients. */
    public static List<Recipient> readRecipientsFile(Path file, SecureRandom random, AgeUi ui) throws IOException {
        return parseRecipients(readKeyFile(file, "recipients"), file.toString(), random, ui);
    }

    /** Parses one identity string, for example {@code AGE-SECRET-KEY-1…}. */
    public static Identity parseIdentity(String text) throws AgeKeyException {
        return parseIdentity(text, AgeUi.nonInteractive());
    }

    /** Parses one identity string; {@code ui} answers a plugin identity's messages and requests. */
    public static Identity parseIdentity(String text, AgeUi ui) throws AgeKeyException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ui, "ui");
        String trimmed = text.strip();
        for (KeyFormats.IdentityFormat format : KeyFormats.IDENTITIES) {
            if (format.recognizes().test(trimmed)) {
                try {
                    return format.parser().parse(trimmed, ui);
                } catch (IllegalArgumentException e) {
                    throw new AgeKeyException("malformed " + format.description() + " identity: " + e.getMessage(), e);
                }
            }
        }
        if (trimmed.startsWith("age1") || trimmed.startsWith("ssh-")) {
            throw new AgeKeyException("expected an identity (secret key) but found a recipient (public key)");
        }
        throw new AgeKeyException("unrecognized identity; expected one of: "
                + KeyFormats.IDENTITIES.stream()
                        .map(KeyFormats.IdentityFormat::description)
                        .collect(Collectors.joining(", "))
                + ", or a private key PEM block");
    }

    /**
     * Parses the text of an identities file: identities one per line, PEM private-key blocks,
     * blank lines and {@code #} comments, types mixed freely.
     *
     * @param source names the file in error messages
     */
    public static List<Identity> parseIdentities(String content, String source) throws AgeKeyException {
        return parseIdentities(content, source, AgeUi.nonInteractive());
    }

    /**
     * Like {@link #parseIdentities(String, String)}; {@code ui} asks for the passphrase of an
     * encrypted SSH key (only when a file is addressed to it) and answers plugins.
     */
    public static List<Identity> parseIdentities(String content, String source, AgeUi ui) throws AgeKeyException {
        return IdentitiesFile.parse(content, source, Objects.requireNonNull(ui, "ui"));
    }

    /** Reads an identities file (see {@link #parseIdentities}). */
    public static List<Identity> readIdentitiesFile(Path file) throws IOException {
        return readIdentitiesFile(file, AgeUi.nonInteractive());
    }

    /**
     * Like {@link #parseIdentities(String, String, AgeUi)}, from bytes: the content may also be
     * an age file encrypted with a passphrase ({@code age -p}, binary or armored) that holds an
     * identities file, as Go age accepts with {@code -i}. Such a file becomes one identity whose
     * passphrase is asked through {@code ui} ({@link AgeUi#requestPassphrase}) the first
     * time it is needed; {@link #recipientsOf} lists the recipients of the identities inside.
     */
    public static List<Identity> parseIdentities(byte[] content, String source, AgeUi ui) throws AgeKeyException {
        Objects.requireNonNull(ui, "ui");
        if (EncryptedIdentitiesFile.looksEncrypted(content)) {
            return List.of(new EncryptedIdentitiesFile(content, source, ui));
        }
        return IdentitiesFile.parse(new String(content, StandardCharsets.UTF_8), source, ui);
    }

    /**
     * Reads an identities file, with a UI for passphrases (of encrypted SSH keys and of
     * passphrase-encrypted identities files) and plugins. See {@link #parseIdentities(byte[], String, AgeUi)}.
     */
    public static List<Identity> readIdentitiesFile(Path file, AgeUi ui) throws IOException {
        byte[] content = readKeyBytes(file, "identities");
        try {
            return parseIdentities(content, file.toString(), ui);
        } finally {
            java.util.Arrays.fill(content, (byte) 0);
        }
    }

    /** A fresh X25519 key pair. */
    public static AgeSecretKey generateX25519(SecureRandom random) {
        return X25519Identity.generate(Objects.requireNonNull(random, "random"));
    }

    /**
     * A fresh post-quantum (mlkem768x25519) key pair.
     *
     * @throws AgeKeyException when this build has no post-quantum keys
     */
    public static AgeSecretKey generatePostQuantum(SecureRandom random) throws AgeKeyException {
        return KeyFormats.POST_QUANTUM_GENERATOR.generate(Objects.requireNonNull(random, "random"));
    }

    /**
     * The public key of an identity, as {@code age-keygen -y} prints it.
     *
     * @throws AgeKeyException when the identity has no public key form (a passphrase, a plugin, ...)
     */
    public static AgePublicKey publicKeyOf(Identity identity) throws AgeKeyException {
        if (identity instanceof AgeSecretKey key) {
            return key.publicKey();
        }
        if (identity instanceof SshIdentity key) {
            return key.publicKey();
        }
        throw new AgeKeyException("identity of type " + identity.typeName() + " has no public key form");
    }

    /**
     * The recipient that files for an identity are encrypted to (age's {@code -e -i}): the public
     * key of a native or SSH key, or, for a plugin identity, a recipient that asks the plugin to
     * wrap to the identity's key.
     *
     * @throws AgeKeyException when the identity has no recipient (a passphrase), or stands for
     *     several identities (a passphrase-encrypted identities file: use {@link #recipientsOf})
     */
    public static Recipient recipientOf(Identity identity) throws AgeKeyException {
        if (identity instanceof PluginIdentity plugin) {
            return plugin.recipient();
        }
        if (identity instanceof EncryptedIdentitiesFile) {
            throw new AgeKeyException(
                    "a passphrase-encrypted identities file may hold several identities;" + " use recipientsOf");
        }
        return publicKeyOf(identity);
    }

    /**
     * The recipients of an identity: its {@link #recipientOf recipient}, or for a
     * passphrase-encrypted identities file those of every identity inside (which asks for its
     * passphrase).
     *
     * @throws AgeException when an identity has no recipient, or the file cannot be decrypted
     */
    public static List<Recipient> recipientsOf(Identity identity) throws AgeException {
        if (identity instanceof EncryptedIdentitiesFile file) {
            List<Recipient> recipients = new ArrayList<>();
            for (Identity inside : file.identities()) {
                recipients.addAll(recipientsOf(inside));
            }
            return List.copyOf(recipients);
        }
        return List.of(recipientOf(identity));
    }

    /**
     * A passphrase recipient (scrypt). It must be the only recipient of a file.
     *
     * @param workFactor log2 of scrypt's N, 1 to 22; age uses 18
     */
    public static Recipient passphraseRecipient(char[] passphrase, int workFactor, SecureRandom random) {
        return new ScryptRecipient(passphrase, workFactor, random);
    }

    /** A passphrase identity that accepts work factors up to 22, as Go age does. */
    public static Identity passphraseIdentity(char[] passphrase) {
        return new ScryptIdentity(passphrase, ScryptIdentity.DEFAULT_MAX_WORK_FACTOR);
    }

    /** A passphrase identity that accepts work factors up to {@code maxWorkFactor} (1 to 22). */
    public static Identity passphraseIdentity(char[] passphrase, int maxWorkFactor) {
        return new ScryptIdentity(passphrase, maxWorkFactor);
    }

    private static String readKeyFile(Path file, String kind) throws IOException {
        return new String(readKeyBytes(file, kind), StandardCharsets.UTF_8);
    }

    private static byte[] readKeyBytes(Path file, String kind) throws IOException {
        long size = Files.size(file);
        if (size > MAX_KEY_FILE_SIZE) {
            throw new AgeKeyException(
                    file + ": " + kind + " file has " + size + " bytes; expected at most " + MAX_KEY_FILE_SIZE);
        }
        return Files.readAllBytes(file);
    }
}
