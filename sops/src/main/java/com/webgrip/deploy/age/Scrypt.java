package com.webgrip.deploy.age;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The scrypt stanza's key derivation: scrypt(N = 2^logN, r = 8, p = 1) over a labelled salt. */
final class Scrypt {
    static final String TYPE = "scrypt";
    static final String LABEL = "age-encryption.org/v1/scrypt";
    static final int SALT_LENGTH = 16;
    /** 2^22 blocks of 1 KiB fill the largest int array; Go age caps identities at 22 too. */
    static final int MAX_SUPPORTED_WORK_FACTOR = ScryptKdf.MAX_LOG_N_FOR_R8;

    private Scrypt() {}

    /** The 32-byte wrap key; the caller zeroes it. */
    static byte[] wrapKey(char[] passphrase, byte[] salt, int logN) {
        byte[] password = utf8(passphrase);
        byte[] labelledSalt = X25519Recipient.concat(LABEL.getBytes(StandardCharsets.US_ASCII), salt);
        try {
            return ScryptKdf.derive(password, labelledSalt, logN, 8, 1, 32);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** The bytes scrypt allocates for work factor {@code logN} with r = 8: 2^logN blocks of 128 x r bytes. */
    static long memoryNeeded(int logN) {
        return (128L * 8) << logN;
    }

    /**
     * The most heap this JVM could ever give: its maximum. Not the maximum less what is in use, which counts garbage
     * that a collection would free and so refused work factors the heap could well serve (a busy 1 GiB JVM refused
     * 256 MiB). A work factor under this bound whose allocation still fails is reported by {@link ScryptIdentity}.
     */
    static long availableHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    static void checkWorkFactor(int workFactor, String what) {
        if (workFactor < 1 || workFactor > MAX_SUPPORTED_WORK_FACTOR) {
            throw new IllegalArgumentException(
                    what + " is " + workFactor + "; expected 1 to " + MAX_SUPPORTED_WORK_FACTOR);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
