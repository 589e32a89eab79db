package com.webgrip.deploy.age;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The dispatch table of {@link AgeKeys}: every text form of a recipient or identity that the
 * parsing entry point recognizes, in the order it tries them. The first form whose predicate
 * accepts the text parses it; a form that this build cannot parse yet is a placeholder that
 * fails with a typed error naming the form.
 *
 * <p>To add a key type, replace its placeholder line with a real format (one line each), for
 * example {@code new RecipientFormat("post-quantum", hrpIs("age1pq"), PqKeys::parseRecipient)}.
 */
final class KeyFormats {

    /** Parses one recipient string. Throws IllegalArgumentException or AgeKeyException with a message free of key text. */
    @FunctionalInterface
    interface RecipientParser {
        Recipient parse(String text, SecureRandom random) throws AgeKeyException;
    }

    /** Parses one identity string (one line of an identities file). */
    @FunctionalInterface
    interface IdentityParser {
        Identity parse(String text) throws AgeKeyException;
    }

    /** Parses one PEM block of an identities file, BEGIN and END lines included. */
    @FunctionalInterface
    interface IdentityBlockParser {
        List<Identity> parse(String block) throws AgeKeyException;
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
            new RecipientFormat("X25519 (age1…)", hrpIs("age"), X25519Recipient::parse),
            unsupportedRecipient("post-quantum (age1pq1…)", hrpIs("age1pq")),
            unsupportedRecipient("tag (age1tag1…)", hrpIs("age1tag")),
            unsupportedRecipient("post-quantum tag (age1tagpq1…)", hrpIs("age1tagpq")),
            unsupportedRecipient(
                    "plugin (age1NAME1…)",
                    text -> text.startsWith("age1") && hrpOf(text).length() > 4),
            unsupportedRecipient("ssh-ed25519", text -> text.startsWith("ssh-ed25519 ")),
            unsupportedRecipient("ssh-rsa", text -> text.startsWith("ssh-rsa ")));

    static final List<IdentityFormat> IDENTITIES = List.of(
            new IdentityFormat(
                    "X25519 (AGE-SECRET-KEY-1…)", text -> text.startsWith("AGE-SECRET-KEY-1"), X25519Identity::parse),
            unsupportedIdentity("post-quantum (AGE-SECRET-KEY-PQ-1…)", text -> text.startsWith("AGE-SECRET-KEY-PQ-1")),
            unsupportedIdentity("plugin (AGE-PLUGIN-NAME-1…)", text -> text.startsWith("AGE-PLUGIN-")));

    /** PEM blocks inside identities files, recognized by their BEGIN line. */
    static final List<IdentityBlockFormat> IDENTITY_BLOCKS = List.of(
            unsupportedBlock("OpenSSH private key", line -> line.equals("-----BEGIN OPENSSH PRIVATE KEY-----")),
            unsupportedBlock("PEM RSA private key", line -> line.equals("-----BEGIN RSA PRIVATE KEY-----")),
            unsupportedBlock("PKCS#8 private key", line -> line.equals("-----BEGIN PRIVATE KEY-----")));

    /** The post-quantum key generator ({@code age-keygen -pq}). */
    static final KeyGenerator POST_QUANTUM_GENERATOR = random -> {
        throw new AgeKeyException("post-quantum keys (mlkem768x25519) are not available in this build yet");
    };

    private KeyFormats() {}

    /** True when the text is Bech32-shaped with exactly this human-readable part. */
    static Predicate<String> hrpIs(String hrp) {
        return text -> hrpOf(text).equals(hrp);
    }

    /** Everything before the last '1', in lower case: Bech32's data part never holds a '1'. */
    static String hrpOf(String text) {
        int separator = text.lastIndexOf('1');
        return separator < 0 ? "" : text.substring(0, separator).toLowerCase(Locale.ROOT);
    }

    private static RecipientFormat unsupportedRecipient(String description, Predicate<String> recognizes) {
        return new RecipientFormat(description, recognizes, (text, random) -> {
            throw new AgeKeyException(description + " recipients are not supported by this build yet");
        });
    }

    private static IdentityFormat unsupportedIdentity(String description, Predicate<String> recognizes) {
        return new IdentityFormat(description, recognizes, text -> {
            throw new AgeKeyException(description + " identities are not supported by this build yet");
        });
    }

    private static IdentityBlockFormat unsupportedBlock(String description, Predicate<String> recognizes) {
        return new IdentityBlockFormat(description, recognizes, block -> {
            throw new AgeKeyException(description + " identities are not supported by this build yet");
        });
    }
}
