package com.webgrip.deploy.age;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The plaintext of a STREAM payload. Reads the ciphertext ahead in batches of chunks (one read
 * call each), has them opened by a {@link ChunkPipeline} while the caller consumes earlier ones,
 * and releases a chunk only once it authenticated. The payload's last chunk is known by the end of
 * the input: each batch is read with one byte more than it holds, so that end of input is seen
 * without a read of its own.
 */
final class DecryptingInputStream extends InputStream {
    private final InputStream in;
    private final ChunkPipeline pipeline;
    private long nextCounter;
    /** The byte read ahead after the last full batch, or -1. */
    private int carried = -1;

    private boolean endOfInput;

    private ChunkBatch current;
    private int position;
    /** Raised once the chunks before the failing one have been read. */
    private AgePayloadException failure;

    private boolean closed;

    DecryptingInputStream(InputStream in, ChunkPipeline pipeline) {
        this.in = in;
        this.pipeline = pipeline;
    }

    @Override
    public int read() throws IOException {
        if (!ensureAvailable()) {
            return -1;
        }
        return current.output[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            checkOpen();
            return 0;
        }
        if (!ensureAvailable()) {
            return -1;
        }
        int n = Math.min(length, current.outputLength - position);
        System.arraycopy(current.output, position, buffer, offset, n);
        position += n;
        return n;
    }

    /** Writes each batch's plaintext straight from the batch, with no intermediate buffer. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        long total = 0;
        while (ensureAvailable()) {
            int n = current.outputLength - position;
            out.write(current.output, position, n);
            position += n;
            total += n;
        }
        return total;
    }

    @Override
    public int available() throws IOException {
        checkOpen();
        return current == null ? 0 : current.outputLength - position;
    }

    /** True when plaintext is ready at {@link #position} of {@link #current}; false at the end. */
    private boolean ensureAvailable() throws IOException {
        checkOpen();
        while (current == null || position == current.outputLength) {
            if (current != null) {
                if (current.problem != null) {
                    failure = new AgePayloadException(
                            "age payload chunk " + current.problemChunk + ": " + current.problem);
                }
                current = null;
                pipeline.release();
            }
            if (failure != null) {
                throw failure;
            }
            fillFreeSlots();
            if (!pipeline.hasInFlight()) {
                return false;
            }
            current = pipeline.awaitOldest();
            position = 0;
        }
        return true;
    }

    /** Reads ciphertext into every free slot (each starts being opened at once) until the input ends. */
    private void fillFreeSlots() throws IOException {
        while (!endOfInput && pipeline.hasFreeSlot()) {
            ChunkBatch batch = pipeline.nextFree();
            byte[] buffer = batch.input;
            int n = 0;
            if (carried >= 0) {
                buffer[n++] = (byte) carried;
                carried = -1;
            }
            while (n < buffer.length) {
                int read = in.read(buffer, n, buffer.length - n);
                if (read < 0) {
                    endOfInput = true;
                    break;
                }
                n += read;
            }
            if (!endOfInput) {
                n--; // the byte read ahead belongs to the next batch
                carried = buffer[n] & 0xff;
            }
            batch.inputLength = n;
            batch.endsPayload = endOfInput;
            batch.firstCounter = nextCounter;
            nextCounter += batch.chunkCount();
            pipeline.submit();
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                pipeline.close();
            } finally {
                in.close();
            }
        }
    }
}
