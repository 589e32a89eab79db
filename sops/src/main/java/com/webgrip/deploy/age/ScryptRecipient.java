package com.webgrip.deploy.age;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Destroyable;

/** A passphrase recipient: wraps the file key under scrypt of the passphrase. */
final class ScryptRecipient implements Recipient, Destroyable {
    private final char[] passphrase;
    private final int workFactor;
    private final SecureRandom random;
    private final Set<String> labels;
    private volatile boolean destroyed;

    ScryptRecipient(char[] passphrase, int workFactor, SecureRandom random) {
        Objects.requireNonNull(passphrase, "passphrase");
        Scrypt.checkWorkFactor(workFactor, "scrypt work factor");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("passphrase is empty; expected at least one character");
        }
        this.passphrase = passphrase.clone();
        this.workFactor = workFactor;
        this.random = Objects.requireNonNull(random, "random");
        // A label no other recipient has: a passphrase must be the only recipient of a file.
        byte[] unique = new byte[16];
        random.nextBytes(unique);
        this.labels = Set.of("scrypt-" + HexFormat.of().formatHex(unique));
    }

    @Override
    public List<Stanza> wrap(FileKey fileKey) {
        if (destroyed) {
            throw new IllegalStateException("scrypt recipient was destroyed");
        }
        byte[] salt = new byte[Scrypt.SALT_LENGTH];
        random.nextBytes(salt);
        byte[] wrapKey = Scrypt.wrapKey(passphrase, salt, workFactor);
        byte[] key = fileKey.bytes();
        try {
            byte[] body = ChaChaPoly.defaults().wrapKey(wrapKey, key);
            return List.of(
                    Stanza.of(Scrypt.TYPE, List.of(StrictBase64.encode(salt), Integer.toString(workFactor)), body));
        } finally {
            Arrays.fill(wrapKey, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public Set<String> labels() {
        return labels;
    }

    @Override
    public String typeName() {
        return Scrypt.TYPE;
    }

    @Override
    public void destroy() {
        Arrays.fill(passphrase, '\0');
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "ScryptRecipient[work factor " + workFactor + "]";
    }
}
