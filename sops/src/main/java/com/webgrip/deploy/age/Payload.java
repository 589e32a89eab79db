package com.webgrip.deploy.age;

/** The STREAM layout of an age payload: a 16-byte nonce, then 64 KiB chunks each with a 16-byte tag. */
final class Payload {
    static final int NONCE_LENGTH = 16;
    static final int CHUNK_SIZE = 64 * 1024;
    static final int ENCRYPTED_CHUNK_SIZE = CHUNK_SIZE + ChaChaPoly.TAG_LENGTH;
    static final String PAYLOAD_LABEL = "payload";

    private Payload() {}

    /** The payload key: HKDF(file key, salt = the payload nonce, "payload"). */
    static byte[] key(byte[] fileKey, byte[] nonce) {
        return Hkdf.derive(fileKey, nonce, PAYLOAD_LABEL);
    }

    /** Writes the 12-byte chunk nonce: an 11-byte big-endian counter and the last-chunk flag. */
    static void chunkNonce(byte[] nonce, long counter, boolean last) {
        nonce[0] = 0;
        nonce[1] = 0;
        nonce[2] = 0;
        for (int i = 0; i < 8; i++) {
            nonce[3 + i] = (byte) (counter >>> (56 - 8 * i));
        }
        nonce[11] = (byte) (last ? 1 : 0);
    }

    /** The plaintext size of a well-formed payload of {@code encryptedLength} bytes after the nonce, or -1. */
    static long plaintextSize(long encryptedLength) {
        if (encryptedLength < ChaChaPoly.TAG_LENGTH) {
            return -1;
        }
        long chunks = (encryptedLength + ENCRYPTED_CHUNK_SIZE - 1) / ENCRYPTED_CHUNK_SIZE;
        long lastChunk = encryptedLength - (chunks - 1) * ENCRYPTED_CHUNK_SIZE;
        if (lastChunk < ChaChaPoly.TAG_LENGTH || (chunks > 1 && lastChunk == ChaChaPoly.TAG_LENGTH)) {
            return -1;
        }
        return encryptedLength - chunks * ChaChaPoly.TAG_LENGTH;
    }
}
