package com.webgrip.deploy.age;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Encrypts plaintext into STREAM chunks. Plaintext is gathered into batches of chunks, which a
 * {@link ChunkPipeline} seals (on several threads when allowed) while more plaintext arrives;
 * sealed batches are written in order, one write call each. A full batch is submitted only when
 * more data arrives (or at {@link #close()}), because only then is it known whether its last chunk
 * is the payload's last.
 */
final class EncryptingOutputStream extends OutputStream {
    private final OutputStream out;
    private final ChunkPipeline pipeline;
    private long nextCounter;
    /** The batch being filled, or null. */
    private ChunkBatch filling;

    private boolean closed;

    /** @param out receives the chunks; {@link #close()} closes it (an armor writes its END line then) */
    EncryptingOutputStream(OutputStream out, ChunkPipeline pipeline) {
        this.out = out;
        this.pipeline = pipeline;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        while (length > 0) {
            if (filling == null) {
                filling = freeBatch();
            } else if (filling.inputLength == ChunkBatch.plaintextCapacity()) {
                submit(false); // more data follows a full batch: its last chunk is not the payload's last
                continue;
            }
            int n = Math.min(length, ChunkBatch.plaintextCapacity() - filling.inputLength);
            System.arraycopy(data, offset, filling.input, filling.inputLength, n);
            filling.inputLength += n;
            offset += n;
            length -= n;
        }
    }

    private void submit(boolean endsPayload) {
        filling.endsPayload = endsPayload;
        filling.firstCounter = nextCounter;
        nextCounter += filling.chunkCount();
        filling = null;
        pipeline.submit();
    }

    /** A batch to fill, after writing out sealed batches until a slot is free. */
    private ChunkBatch freeBatch() throws IOException {
        while (!pipeline.hasFreeSlot()) {
            writeOldest();
        }
        ChunkBatch batch = pipeline.nextFree();
        batch.inputLength = 0;
        return batch;
    }

    private void writeOldest() throws IOException {
        ChunkBatch sealed = pipeline.awaitOldest();
        out.write(sealed.output, 0, sealed.outputLength);
        pipeline.release();
    }

    /** Flushes the underlying stream; chunks still being gathered are not written before they are full. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Seals the last chunk, writes every batch, finishes the file and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (filling == null) {
                filling = freeBatch(); // nothing written at all: the payload is one empty final chunk
            }
            submit(true);
            while (pipeline.hasInFlight()) {
                writeOldest();
            }
        } finally {
            try {
                pipeline.close();
            } finally {
                out.close();
            }
        }
    }
}
