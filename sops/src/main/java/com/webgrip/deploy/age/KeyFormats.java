package com.webgrip.deploy.age;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The dispatch table of {@link AgeKeys}: every text form of a recipient or identity that the
 * parsing entry point recognizes, in the order it tries them. The first form whose predicate
 * accepts the text parses it.
 *
 * <p>To add a key type, add its format here (one entry each), for example
 * {@code new RecipientFormat("post-quantum", hrpIs("age1pq"), (text, random, ui) -> ...)}.
 */
final class KeyFormats {

    /**
     * Parses one recipient string. Throws IllegalArgumentException or AgeKeyException with a
     * message free of key text. {@code ui} serves plugins that talk to the person while wrapping.
     */
    @FunctionalInterface
    interface RecipientParser {
        Recipient parse(String text, SecureRandom random, AgeUi ui) throws AgeKeyException;
    }

    /** Parses one identity string (one line of an identities file); {@code ui} serves plugins. */
    @FunctionalInterface
    interface IdentityParser {
        Identity parse(String text, AgeUi ui) throws AgeKeyException;
    }

    /**
     * Parses one PEM block of an identities file, BEGIN and END lines included. {@code source}
     * names the file in prompts; {@code ui} asks for the passphrase of an encrypted key.
     */
    @FunctionalInterface
    interface IdentityBlockParser {
        List<Identity> parse(String block, String source, AgeUi ui) throws AgeKeyException;
    }

    /** Generates a fresh secret key of one type. */
    @FunctionalInterface
    interface KeyGenerator {
        AgeSecretKey generate(SecureRandom random) throws AgeKeyException;
    }

    record RecipientFormat(String description, Predicate<String> recognizes, RecipientParser parser) {}

    record IdentityFormat(String description, Predicate<String> recognizes, IdentityParser parser) {}

    record IdentityBlockFormat(String description, Predicate<String> recognizesBeginLine, IdentityBlockParser parser) {}

    /** Tried in order: the specific {@code age1xxx1…} prefixes come before the plugin catch-all. */
    static final List<RecipientFormat> RECIPIENTS = List.of(
            new RecipientFormat(
                    "X25519 (age1…)", hrpIs("age"), (text, random, ui) -> X25519Recipient.parse(text, random)),
            new RecipientFormat(
                    "post-quantum (age1pq1…)",
                    hrpIs(PqRecipient.HRP),
                    (text, random, ui) -> PqRecipient.parse(text, random)),
            new RecipientFormat(
                    "tag (age1tag1…)",
                    hrpIs(TagRecipient.CLASSIC_HRP),
                    (text, random, ui) -> TagRecipient.parse(text, random)),
            new RecipientFormat(
                    "post-quantum tag (age1tagpq1…)",
                    hrpIs(TagRecipient.HYBRID_HRP),
                    (text, random, ui) -> TagRecipient.parse(text, random)),
            new RecipientFormat(
                    "plugin (age1NAME1…)",
                    text -> text.startsWith("age1") && hrpOf(text).length() > 4,
                    (text, random, ui) -> AgePlugins.defaults(ui).recipient(text)),
            new RecipientFormat(
                    "ssh-ed25519",
                    sshLineOf("ssh-ed25519"),
                    (text, random, ui) -> SshKeys.parseRecipient(text, random)),
            new RecipientFormat(
                    "ssh-rsa", sshLineOf("ssh-rsa"), (text, random, ui) -> SshKeys.parseRecipient(text, random)));

    static final List<IdentityFormat> IDENTITIES = List.of(
            new IdentityFormat(
                    "X25519 (AGE-SECRET-KEY-1…)",
                    text -> text.startsWith("AGE-SECRET-KEY-1"),
                    (text, ui) -> X25519Identity.parse(text)),
            new IdentityFormat(
                    "post-quantum (AGE-SECRET-KEY-PQ-1…)",
                    text -> text.startsWith("AGE-SECRET-KEY-PQ-1"),
                    (text, ui) -> PqIdentity.parse(text)),
            new IdentityFormat(
                    "plugin (AGE-PLUGIN-NAME-1…)",
                    text -> text.startsWith("AGE-PLUGIN-"),
                    (text, ui) -> AgePlugins.defaults(ui).identity(text)));

    /** PEM blocks inside identities files, recognized by their BEGIN line. */
    static final List<IdentityBlockFormat> IDENTITY_BLOCKS = List.of(
            new IdentityBlockFormat(
                    "OpenSSH private key", line -> line.equals(OpenSshKeyFile.BEGIN), SshKeys::parseOpenSsh),
            new IdentityBlockFormat(
                    "PEM RSA private key",
                    line -> line.equals(PemPrivateKeys.PKCS1_BEGIN),
                    (block, source, ui) -> SshKeys.parsePkcs1(block)),
            new IdentityBlockFormat(
                    "PKCS#8 private key",
                    line -> line.equals(PemPrivateKeys.PKCS8_BEGIN),
                    (block, source, ui) -> SshKeys.parsePkcs8(block)));

    /** The post-quantum key generator ({@code age-keygen -pq}). */
    static final KeyGenerator POST_QUANTUM_GENERATOR = PqIdentity::generate;

    private KeyFormats() {}

    /** True when the text is Bech32-shaped with exactly this human-readable part. */
    static Predicate<String> hrpIs(String hrp) {
        return text -> hrpOf(text).equals(hrp);
    }

    /** True when the text is an SSH public key line of this type: the type, a space or tab, the key. */
    static Predicate<String> sshLineOf(String type) {
        return text -> text.startsWith(type)
                && text.length() > type.length()
                && (text.charAt(type.length()) == ' ' || text.charAt(type.length()) == '\t');
    }

    /** Everything before the last '1', in lower case: Bech32's data part never holds a '1'. */
    static String hrpOf(String text) {
        int separator = text.lastIndexOf('1');
        return separator < 0 ? "" : text.substring(0, separator).toLowerCase(Locale.ROOT);
    }
}
