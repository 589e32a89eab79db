package com.webgrip.deploy.age;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The 16-byte symmetric key of one age file. It is secret: the bytes are cloned on the way in
 * and out, zeroed by {@link #destroy()}, compared in constant time, and never printed.
 */
public final class FileKey implements Destroyable {
    /** The length of every age file key. */
    public static final int LENGTH = 16;

    private final byte[] key;
    private volatile boolean destroyed;

    private FileKey(byte[] key) {
        this.key = key;
    }

    /**
     * A file key holding a copy of the given bytes.
     *
     * @throws IllegalArgumentException if the array is not {@value #LENGTH} bytes long
     */
    public static FileKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("file key has " + key.length + " bytes; expected " + LENGTH);
        }
        return new FileKey(key.clone());
    }

    /** A copy of the key bytes; the caller should zero it when done. */
    public byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("file key was destroyed");
        }
        return key.clone();
    }

    /** Zeroes the key. Any later {@link #bytes()} throws {@link IllegalStateException}. */
    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Constant-time comparison of two live keys. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FileKey that && !destroyed && !that.destroyed && MessageDigest.isEqual(key, that.key);
    }

    /** Constant, so that hashing never depends on the secret. */
    @Override
    public int hashCode() {
        return FileKey.class.hashCode();
    }

    @Override
    public String toString() {
        return destroyed ? "FileKey[destroyed]" : "FileKey[16 bytes]";
    }
}
