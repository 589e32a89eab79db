package com.webgrip.deploy.age;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import javax.security.auth.Destroyable;

/**
 * A passphrase identity: unwraps scrypt stanzas whose work factor is at most a limit, and only
 * when the heap can hold scrypt's memory for it. Both are checked before anything is allocated,
 * since the work factor is chosen by whoever wrote the file. The memory is 2^N x 128 x r bytes
 * (r = 8): 256 MiB at age's usual 18, 1 GiB at 20, 4 GiB at the default limit of 22.
 */
final class ScryptIdentity implements Identity, Destroyable {
    /** Go age's limit: a work factor of 22 needs 4 GiB of heap. */
    static final int DEFAULT_MAX_WORK_FACTOR = 22;

    private static final Pattern WORK_FACTOR = Pattern.compile("[1-9][0-9]*");

    private final char[] passphrase;
    private final int maxWorkFactor;
    private final LongSupplier availableMemory;
    private volatile boolean destroyed;

    ScryptIdentity(char[] passphrase, int maxWorkFactor) {
        this(passphrase, maxWorkFactor, Scrypt::availableHeap);
    }

    ScryptIdentity(char[] passphrase, int maxWorkFactor, LongSupplier availableMemory) {
        Objects.requireNonNull(passphrase, "passphrase");
        this.availableMemory = Objects.requireNonNull(availableMemory, "availableMemory");
        Scrypt.checkWorkFactor(maxWorkFactor, "maximum scrypt work factor");
        this.passphrase = passphrase.clone();
        this.maxWorkFactor = maxWorkFactor;
    }

    @Override
    public Optional<FileKey> unwrap(List<Stanza> stanzas) throws AgeException {
        if (destroyed) {
            throw new IllegalStateException("scrypt identity was destroyed");
        }
        for (Stanza stanza : stanzas) {
            if (!stanza.type().equals(Scrypt.TYPE)) {
                continue;
            }
            Optional<FileKey> key = unwrapOne(stanza);
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }

    private Optional<FileKey> unwrapOne(Stanza stanza) throws AgeHeaderException {
        List<String> args = stanza.arguments();
        if (args.size() != 2) {
            throw new AgeHeaderException(
                    "scrypt stanza has " + args.size() + " arguments after its type; expected 2 (salt, work factor)");
        }
        byte[] salt;
        try {
            salt = StrictBase64.decodeExactly(args.get(0), Scrypt.SALT_LENGTH, "scrypt salt");
        } catch (IllegalArgumentException e) {
            throw new AgeHeaderException("scrypt stanza: " + e.getMessage(), e);
        }
        String factor = args.get(1);
        if (!WORK_FACTOR.matcher(factor).matches()) {
            throw new AgeHeaderException("scrypt work factor is not a decimal number without leading zeros");
        }
        if (factor.length() > 2 || Integer.parseInt(factor) > maxWorkFactor) {
            throw new AgeHeaderException("scrypt work factor " + factor + " is above the limit of " + maxWorkFactor);
        }
        if (stanza.bodyLength() != FileKey.LENGTH + ChaChaPoly.TAG_LENGTH) {
            throw new AgeHeaderException("scrypt stanza body has " + stanza.bodyLength() + " bytes; expected "
                    + (FileKey.LENGTH + ChaChaPoly.TAG_LENGTH));
        }
        int workFactor = Integer.parseInt(factor);
        long needed = Scrypt.memoryNeeded(workFactor);
        long available = availableMemory.getAsLong();
        if (needed > available) {
            throw new AgeHeaderException("scrypt work factor " + workFactor + " needs " + needed
                    + " bytes of memory; only " + available + " are available");
        }
        byte[] wrapKey;
        try {
            wrapKey = Scrypt.wrapKey(passphrase, salt, workFactor);
        } catch (OutOfMemoryError heapFull) {
            // One large array (2^N x 1 KiB) failed to allocate; nothing else is left half-built.
            throw new AgeHeaderException("scrypt work factor " + workFactor + " needs " + needed
                    + " bytes of memory; the heap could not give them now");
        }
        byte[] fileKey = null;
        try {
            fileKey = ChaChaPoly.defaults().unwrapKey(wrapKey, stanza.body());
            return fileKey == null ? Optional.empty() : Optional.of(FileKey.of(fileKey));
        } finally {
            Arrays.fill(wrapKey, (byte) 0);
            X25519Identity.zero(fileKey);
        }
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
        return "ScryptIdentity[max work factor " + maxWorkFactor + "]";
    }
}
