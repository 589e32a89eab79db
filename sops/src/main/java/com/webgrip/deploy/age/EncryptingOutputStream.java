package com.webgrip.deploy.age;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encrypts plaintext into STREAM chunks. A full chunk is sealed only when more data arrives (or
 * at {@link #close()}), because only then is it known whether it is the last one; whole batches
 * of chunks are sealed at once, in parallel when allowed.
 */
final class EncryptingOutputStream extends OutputStream {
    private final OutputStream out;
    private final ChunkCrypter crypter;
    private long nextCounter;
    private int index;
    private boolean closed;

    /** @param out receives the chunks; {@link #close()} closes it (an armor writes its END line then) */
    EncryptingOutputStream(OutputStream out, ChunkCrypter crypter) {
        this.out = out;
        this.crypter = crypter;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        while (length > 0) {
            if (crypter.inputLength[index] == Payload.CHUNK_SIZE) {
                // More data follows a full chunk: that chunk is not the last.
                if (index == crypter.capacity() - 1) {
                    sealAndWrite(index + 1, false);
                    index = 0;
                } else {
                    index++;
                }
            }
            int n = Math.min(length, Payload.CHUNK_SIZE - crypter.inputLength[index]);
            System.arraycopy(data, offset, crypter.input[index], crypter.inputLength[index], n);
            crypter.inputLength[index] += n;
            offset += n;
            length -= n;
        }
    }

    private void sealAndWrite(int count, boolean lastBatch) throws IOException {
        for (int i = 0; i < count; i++) {
            crypter.counters[i] = nextCounter++;
            crypter.last[i] = lastBatch && i == count - 1;
        }
        crypter.process(count);
        for (int i = 0; i < count; i++) {
            out.write(crypter.output[i], 0, crypter.outputLength[i]);
            crypter.inputLength[i] = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Seals the last chunk, finishes the file and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sealAndWrite(index + 1, true);
        } finally {
            crypter.close();
            out.close();
        }
    }
}
