package com.webgrip.deploy.sops;

import java.util.Objects;

/**
 * A recipient to encrypt the data key to, as {@code .sops.yaml} and the command line name it.
 *
 * @param type the master key type: {@code age}, {@code pgp}, or an SPI type
 * @param recipient the recipient: an age recipient ({@code age1…}, {@code ssh-ed25519 …}), a PGP
 *     fingerprint, a KMS ARN, …
 */
public record KeyRecipient(String type, String recipient) {
    public KeyRecipient {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recipient, "recipient");
        if (recipient.isBlank()) {
            throw new IllegalArgumentException(type + " recipient is empty");
        }
        recipient = recipient.strip();
    }

    /** An age recipient. */
    public static KeyRecipient age(String recipient) {
        return new KeyRecipient("age", recipient);
    }

    /** A PGP key by fingerprint. */
    public static KeyRecipient pgp(String fingerprint) {
        return new KeyRecipient("pgp", fingerprint);
    }
}
