package com.webgrip.deploy.age;

import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * A run of consecutive STREAM chunks held in one contiguous buffer, sealed or opened as one unit
 * of work by one thread. Its buffers and cipher are allocated on first use and reused for every
 * batch that passes through the same pipeline slot.
 *
 * <p>Plaintext is contiguous (every chunk but a batch's last is full), and so is ciphertext: a
 * batch is read or written with one call. When opening, the STREAM rules are applied here: the
 * last chunk of the payload must carry the last-chunk flag and no other chunk may; like Go age, a
 * full chunk that fails is tried with the other flag so that the chunks before an error are
 * released first.
 */
final class ChunkBatch {
    /** Four chunks (256 KiB of plaintext): a unit of work far larger than the hand-off between threads. */
    static final int CHUNKS = 4;

    private final boolean encrypt;
    private final ChaChaPoly aead;
    private final SecretKeySpec key;
    private ChunkCipher cipher;

    /** Encrypt: plaintext. Decrypt: ciphertext, plus one byte read ahead to learn whether input ends. */
    byte[] input;

    byte[] output;
    /** Bytes of input that belong to this batch's chunks. */
    int inputLength;

    long firstCounter;
    /** Whether this batch's last chunk is the payload's last chunk. */
    boolean endsPayload;

    /** Set by {@link #run()}: bytes of output that may be released, in order. */
    int outputLength;
    /** Set by {@link #run()} when opening: what is wrong after the released bytes, or null. */
    String problem;
    /** The counter of the chunk the problem is about. */
    long problemChunk;

    ChunkBatch(boolean encrypt, ChaChaPoly aead, SecretKeySpec key) {
        this.encrypt = encrypt;
        this.aead = aead;
        this.key = key;
    }

    /** Allocates the buffers on first use. */
    void allocate() {
        if (input == null) {
            input = new byte[encrypt ? CHUNKS * Payload.CHUNK_SIZE : CHUNKS * Payload.ENCRYPTED_CHUNK_SIZE + 1];
            output = new byte[encrypt ? CHUNKS * Payload.ENCRYPTED_CHUNK_SIZE : CHUNKS * Payload.CHUNK_SIZE];
            cipher = new ChunkCipher(aead, key);
        }
    }

    /** Plaintext bytes a full batch holds (encrypting). */
    static int plaintextCapacity() {
        return CHUNKS * Payload.CHUNK_SIZE;
    }

    /** Ciphertext bytes a full batch holds (decrypting), without the byte read ahead. */
    static int ciphertextCapacity() {
        return CHUNKS * Payload.ENCRYPTED_CHUNK_SIZE;
    }

    /** How many chunks the input holds; an empty final batch still holds one (empty) chunk. */
    int chunkCount() {
        int size = encrypt ? Payload.CHUNK_SIZE : Payload.ENCRYPTED_CHUNK_SIZE;
        return Math.max(1, (inputLength + size - 1) / size);
    }

    /** Seals or opens every chunk; sets {@link #outputLength} and, when opening, {@link #problem}. */
    void run() {
        problem = null;
        outputLength = 0;
        if (encrypt) {
            seal();
        } else {
            open();
        }
    }

    private void seal() {
        int chunks = chunkCount();
        for (int i = 0; i < chunks; i++) {
            int from = i * Payload.CHUNK_SIZE;
            int length = Math.min(Payload.CHUNK_SIZE, inputLength - from);
            boolean last = endsPayload && i == chunks - 1;
            outputLength +=
                    cipher.seal(firstCounter + i, last, input, from, length, output, i * Payload.ENCRYPTED_CHUNK_SIZE);
        }
    }

    private void open() {
        int chunks = chunkCount();
        for (int i = 0; i < chunks; i++) {
            int from = i * Payload.ENCRYPTED_CHUNK_SIZE;
            int length = Math.min(Payload.ENCRYPTED_CHUNK_SIZE, inputLength - from);
            long counter = firstCounter + i;
            boolean endOfInputFollows = endsPayload && i == chunks - 1;
            if (!openOne(counter, endOfInputFollows, from, length, i * Payload.CHUNK_SIZE)) {
                return;
            }
        }
    }

    /** Opens one chunk; false (with {@link #problem} set) when the stream must stop after it. */
    private boolean openOne(long counter, boolean endOfInputFollows, int from, int length, int to) {
        if (length == 0) {
            return fail(counter, "the payload has no chunks; expected at least one (possibly empty) final chunk");
        }
        if (length < ChaChaPoly.TAG_LENGTH) {
            return fail(counter, "truncated: " + length + " bytes is shorter than an authentication tag");
        }
        boolean last = endOfInputFollows;
        int n = cipher.open(counter, last, input, from, length, output, to);
        if (n < 0 && length == Payload.ENCRYPTED_CHUNK_SIZE) {
            last = !last;
            n = cipher.open(counter, last, input, from, length, output, to);
        }
        if (n < 0) {
            return fail(counter, "does not authenticate (changed or truncated)");
        }
        if (last && n == 0 && counter > 0) {
            return fail(counter, "the final chunk is empty; only an empty payload may end with an empty chunk");
        }
        outputLength += n; // authenticated: released even if the stream's shape is wrong after it
        if (last && !endOfInputFollows) {
            return fail(counter, "trailing data after the final chunk");
        }
        if (!last && endOfInputFollows) {
            return fail(counter, "the payload ends without a final chunk");
        }
        return true;
    }

    private boolean fail(long counter, String what) {
        problem = what;
        problemChunk = counter;
        return false;
    }

    /** Zeroes the plaintext buffer. */
    void wipe() {
        byte[] plaintext = encrypt ? input : output;
        if (plaintext != null) {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
