package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;

/** The one input size check every store makes before it parses anything. */
final class InputLimit {
    private InputLimit() {}

    static void check(byte[] content, String source, StoreOptions options) throws SopsFormatException {
        if (content.length > options.maxInputBytes()) {
            throw new SopsFormatException(
                    source + ": the input has " + content.length + " bytes; the limit is " + options.maxInputBytes());
        }
    }
}
