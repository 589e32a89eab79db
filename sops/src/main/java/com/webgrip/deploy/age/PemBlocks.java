package com.webgrip.deploy.age;

import java.util.Base64;
import java.util.List;

/** Decodes the base64 inside one PEM block (RFC 7468), refusing headers and stray text. */
final class PemBlocks {
    private PemBlocks() {}

    /**
     * The bytes of a block that begins with {@code begin} and ends with {@code end}.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing the content)
     */
    static byte[] decode(String block, String begin, String end) {
        List<String> lines = block.strip().lines().map(String::strip).toList();
        if (lines.size() < 2
                || !lines.get(0).equals(begin)
                || !lines.get(lines.size() - 1).equals(end)) {
            throw new IllegalArgumentException("PEM block does not run from " + begin + " to " + end);
        }
        StringBuilder base64 = new StringBuilder();
        for (int i = 1; i < lines.size() - 1; i++) {
            String line = lines.get(i);
            if (line.contains(":")) {
                // Proc-Type / DEK-Info: the legacy OpenSSL encryption that OpenSSH can still write.
                throw new IllegalArgumentException("PEM block has headers (line " + (i + 1) + " of the block)"
                        + "; encrypted PEM keys are not supported: convert the key with ssh-keygen -p -m RFC4716");
            }
            base64.append(line);
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM block is not valid base64", e);
        }
    }
}
