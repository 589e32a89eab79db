package com.webgrip.deploy.sops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file up to a limit, before any parsing: a size taken from the file system can lie (a
 * FIFO, a file still growing), so the read itself stops one byte past the limit.
 */
final class BoundedRead {
    private BoundedRead() {}

    static byte[] read(Path file, long maxBytes) throws IOException {
        int cap = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(cap);
            if (content.length > maxBytes) {
                throw new SopsFormatException(
                        file + ": the input has more than " + maxBytes + " bytes; the limit is " + maxBytes);
            }
            return content;
        }
    }
}
