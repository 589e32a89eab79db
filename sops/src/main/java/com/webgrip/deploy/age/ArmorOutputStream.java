package com.webgrip.deploy.age;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Writes age's ASCII armor: the BEGIN line, padded base64 in 64-column lines, the END line. */
final class ArmorOutputStream extends OutputStream {
    private static final int BYTES_PER_LINE = ArmorInputStream.COLUMNS / 4 * 3;

    private final OutputStream out;
    private final byte[] pending = new byte[BYTES_PER_LINE];
    private final byte[] line = new byte[ArmorInputStream.COLUMNS + 1];
    private int pendingLength;
    private boolean finished;

    ArmorOutputStream(OutputStream out) throws IOException {
        this.out = out;
        out.write((ArmorInputStream.BEGIN + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (finished) {
            throw new IOException("armor already finished");
        }
        while (length > 0) {
            int n = Math.min(length, BYTES_PER_LINE - pendingLength);
            System.arraycopy(data, offset, pending, pendingLength, n);
            pendingLength += n;
            offset += n;
            length -= n;
            if (pendingLength == BYTES_PER_LINE) {
                writeLine();
            }
        }
    }

    private void writeLine() throws IOException {
        int columns = Base64.getEncoder().encode(java.util.Arrays.copyOf(pending, pendingLength), line);
        line[columns] = '\n';
        out.write(line, 0, columns + 1);
        pendingLength = 0;
    }

    /** Writes the last line and the END line; the underlying stream stays open. */
    void finish() throws IOException {
        if (!finished) {
            if (pendingLength > 0) {
                writeLine();
            }
            out.write((ArmorInputStream.END + "\n").getBytes(StandardCharsets.US_ASCII));
            finished = true;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }
}
