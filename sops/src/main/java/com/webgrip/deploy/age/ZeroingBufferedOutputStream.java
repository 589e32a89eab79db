package com.webgrip.deploy.age;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A buffered output stream that zeroes its buffer whenever it hands the bytes on. The plugin
 * protocol sends the file key (base64 in {@code wrap-file-key}) through it, and a
 * {@link java.io.BufferedOutputStream} would keep that text in its buffer until overwritten.
 */
final class ZeroingBufferedOutputStream extends OutputStream {
    private final OutputStream out;
    private final byte[] buffer;
    private int count;

    ZeroingBufferedOutputStream(OutputStream out, int size) {
        this.out = out;
        this.buffer = new byte[size];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length >= buffer.length) {
            drain();
            out.write(bytes, offset, length);
            return;
        }
        if (length > buffer.length - count) {
            drain();
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            Arrays.fill(buffer, (byte) 0);
            out.close();
        }
    }

    /** Whether every byte of the buffer is zero (for tests). */
    boolean bufferIsZero() {
        for (byte b : buffer) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void drain() throws IOException {
        if (count > 0) {
            try {
                out.write(buffer, 0, count);
            } finally {
                Arrays.fill(buffer, 0, count, (byte) 0);
                count = 0;
            }
        }
    }
}
