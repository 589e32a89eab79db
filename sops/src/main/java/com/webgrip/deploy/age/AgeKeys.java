package com.webgrip.deploy.age;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(random, "random");
        String trimmed = text.strip();
        for (KeyFormats.RecipientFormat format : KeyFormats.RECIPIENTS) {
            if (format.recognizes().test(trimmed)) {
                try {
                    return format.parser().parse(trimmed, random);
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
        List<Recipient> recipients = new ArrayList<>();
        List<String> lines = content.lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                recipients.add(parseRecipient(line, random));
            } catch (AgeKeyException e) {
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
        return parseRecipients(readKeyFile(file, "recipients"), file.toString(), random);
    }

    /** Parses one identity string, for example {@code AGE-SECRET-KEY-1…}. */
    public static Identity parseIdentity(String text) throws AgeKeyException {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        for (KeyFormats.IdentityFormat format : KeyFormats.IDENTITIES) {
            if (format.recognizes().test(trimmed)) {
                try {
                    return format.parser().parse(trimmed);
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
        return IdentitiesFile.parse(content, source);
    }

    /** Reads an identities file (see {@link #parseIdentities}). */
    public static List<Identity> readIdentitiesFile(Path file) throws IOException {
        return parseIdentities(readKeyFile(file, "identities"), file.toString());
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
        throw new AgeKeyException("identity of type " + identity.typeName() + " has no public key form");
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
        long size = Files.size(file);
        if (size > MAX_KEY_FILE_SIZE) {
            throw new AgeKeyException(
                    file + ": " + kind + " file has " + size + " bytes; expected at most " + MAX_KEY_FILE_SIZE);
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
