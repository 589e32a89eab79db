package com.webgrip.deploy.age;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A passphrase-protected OpenSSH key. Its public key is readable without the passphrase, so it
 * asks for the passphrase (through {@link AgeUi}) only when a header has a stanza for this key,
 * then keeps the decrypted key for later files, as Go age's {@code EncryptedSSHIdentity} does.
 */
final class EncryptedSshIdentity implements SshIdentity {
    private final OpenSshKeyFile file;
    private final String source;
    private final AgeUi ui;
    private SshIdentity decrypted; // guarded by this
    private boolean destroyed; // guarded by this

    EncryptedSshIdentity(OpenSshKeyFile file, String source, AgeUi ui) {
        this.file = Objects.requireNonNull(file, "file");
        this.source = Objects.requireNonNull(source, "source");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    @Override
    public Optional<FileKey> unwrap(List<Stanza> stanzas) throws AgeException {
        SshIdentity identity;
        synchronized (this) {
            if (destroyed) {
                throw new IllegalStateException(typeName() + " identity was destroyed");
            }
            if (decrypted == null) {
                if (stanzas.stream().noneMatch(stanza -> SshIdentity.isAddressedTo(stanza, file.publicKey()))) {
                    return Optional.empty();
                }
                decrypted = decrypt();
            }
            identity = decrypted;
        }
        return identity.unwrap(stanzas);
    }

    private SshIdentity decrypt() throws AgeKeyException {
        String prompt = "Enter passphrase for SSH key " + source + " ("
                + file.publicKey().fingerprint() + ")";
        char[] passphrase = ui.requestValue(source, prompt, true)
                .orElseThrow(() -> new AgeKeyException("SSH key " + source + " ("
                        + file.publicKey().fingerprint() + ") is encrypted and no passphrase was given"));
        try {
            return file.decrypt(passphrase);
        } finally {
            KeyBytes.zero(passphrase);
        }
    }

    /** True once the passphrase was asked and the key decrypted. */
    synchronized boolean isDecrypted() {
        return decrypted != null;
    }

    @Override
    public SshPublicKey sshKey() {
        return file.publicKey();
    }

    @Override
    public AgePublicKey publicKey() {
        return SshKeys.recipient(file.publicKey(), AgeKeys.defaultRandom());
    }

    @Override
    public String typeName() {
        return file.publicKey().type();
    }

    @Override
    public synchronized void destroy() {
        if (decrypted != null) {
            decrypted.destroy();
        }
        destroyed = true;
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "EncryptedSshIdentity[" + file.publicKey() + "]";
    }
}
