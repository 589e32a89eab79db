package com.webgrip.deploy.age;

import java.io.IOException;
import java.io.InputStream;

/**
 * The plaintext of a STREAM payload. Reads a batch of encrypted chunks ahead, opens them (in
 * parallel when allowed), and releases each chunk only once it authenticated. The last chunk is
 * known by the end of the input: a chunk followed by end of input must carry the last-chunk flag,
 * and every other chunk must not.
 */
final class DecryptingInputStream extends InputStream {
    private final InputStream in;
    private final ChunkCrypter crypter;
    private long nextCounter;
    private int lookahead = -1;
    private boolean sawLast;

    private int batchCount;
    private int batchIndex;
    private int chunkPosition;
    /** Raised once the chunks before the failing one have been read. */
    private AgePayloadException failure;

    private boolean closed;

    DecryptingInputStream(InputStream in, ChunkCrypter crypter) {
        this.in = in;
        this.crypter = crypter;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (length == 0) {
            return 0;
        }
        while (batchIndex >= batchCount || chunkPosition == crypter.outputLength[batchIndex]) {
            if (batchIndex < batchCount) {
                batchIndex++;
                chunkPosition = 0;
                continue;
            }
            if (failure != null) {
                throw failure;
            }
            if (sawLast) {
                return -1;
            }
            fillBatch();
        }
        int n = Math.min(length, crypter.outputLength[batchIndex] - chunkPosition);
        System.arraycopy(crypter.output[batchIndex], chunkPosition, buffer, offset, n);
        chunkPosition += n;
        return n;
    }

    private void fillBatch() throws IOException {
        int count = 0;
        while (count < crypter.capacity() && !sawLast) {
            int length = readChunk(crypter.input[count]);
            crypter.inputLength[count] = length;
            crypter.counters[count] = nextCounter++;
            // A guess, checked below: the chunk before the end of input is the final one.
            crypter.last[count] = sawLast;
            count++;
        }
        crypter.process(count);
        batchCount = count;
        batchIndex = 0;
        chunkPosition = 0;
        for (int i = 0; i < count; i++) {
            boolean endOfInputFollows = sawLast && i == count - 1;
            String before = problemBeforeRelease(i);
            if (before != null) {
                fail(i, before, i);
                return;
            }
            if (crypter.last[i] && !endOfInputFollows) {
                fail(i, "trailing data after the final chunk", i + 1);
                return;
            }
            if (!crypter.last[i] && endOfInputFollows) {
                fail(i, "the payload ends without a final chunk", i + 1);
                return;
            }
        }
    }

    /**
     * Like Go age, a full chunk is tried with both last-chunk flags, so that a final chunk followed
     * by trailing data (or a non-final chunk at the end of input) is released before the error.
     */
    private String problemBeforeRelease(int i) {
        int length = crypter.inputLength[i];
        if (length == 0) {
            return "the payload has no chunks; expected at least one (possibly empty) final chunk";
        }
        if (length < ChaChaPoly.TAG_LENGTH) {
            return "truncated: " + length + " bytes is shorter than an authentication tag";
        }
        if (crypter.outputLength[i] < 0
                && !(length == Payload.ENCRYPTED_CHUNK_SIZE && crypter.reopenWithOtherFlag(i))) {
            return "does not authenticate (changed or truncated)";
        }
        if (crypter.last[i] && crypter.outputLength[i] == 0 && crypter.counters[i] > 0) {
            return "the final chunk is empty; only an empty payload may end with an empty chunk";
        }
        return null;
    }

    /** Releases chunks before {@code releasedBefore}, then raises the failure of chunk {@code i}. */
    private void fail(int i, String problem, int releasedBefore) {
        failure = new AgePayloadException("age payload chunk " + crypter.counters[i] + ": " + problem);
        batchCount = releasedBefore;
    }

    /** Reads one encrypted chunk; sets {@link #sawLast} when end of input follows it. */
    private int readChunk(byte[] chunk) throws IOException {
        int n = 0;
        if (lookahead >= 0) {
            chunk[n++] = (byte) lookahead;
            lookahead = -1;
        }
        while (n < chunk.length) {
            int read = in.read(chunk, n, chunk.length - n);
            if (read < 0) {
                sawLast = true;
                return n;
            }
            n += read;
        }
        lookahead = in.read();
        sawLast = lookahead < 0;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            crypter.close();
            in.close();
        }
    }
}
