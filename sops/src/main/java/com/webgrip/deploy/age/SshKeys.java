package com.webgrip.deploy.age;

import java.security.SecureRandom;
import java.util.List;

/**
 * The SSH key types of Go age's {@code agessh} package, as the parsing entry point
 * ({@link AgeKeys}) reaches them: {@code ssh-ed25519} and {@code ssh-rsa} public key lines, and
 * private keys in OpenSSH, PKCS#1 and PKCS#8 PEM blocks.
 */
final class SshKeys {
    private SshKeys() {}

    /** Parses an {@code authorized_keys}-style line: {@code ssh-ed25519 AAAA… [comment]}. */
    static AgePublicKey parseRecipient(String line, SecureRandom random) {
        return recipient(SshPublicKey.parseLine(line), random);
    }

    static AgePublicKey recipient(SshPublicKey key, SecureRandom random) {
        return key.type().equals(SshPublicKey.ED25519)
                ? new SshEd25519Recipient(key, random)
                : new SshRsaRecipient(key, random);
    }

    /**
     * Parses an OpenSSH private key block. A passphrase-protected key is read up to its public
     * key; its passphrase is asked through {@code ui} when a file needs it.
     */
    static List<Identity> parseOpenSsh(String block, String source, AgeUi ui) {
        OpenSshKeyFile file = OpenSshKeyFile.parse(block);
        return List.of(file.isEncrypted() ? new EncryptedSshIdentity(file, source, ui) : file.identity());
    }

    static List<Identity> parsePkcs1(String block) {
        return List.of(PemPrivateKeys.parsePkcs1(block));
    }

    static List<Identity> parsePkcs8(String block) {
        return List.of(PemPrivateKeys.parsePkcs8(block));
    }
}
