package com.webgrip.deploy.core.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;

/**
 * Decrypts a SOPS values file into a plain values tree in memory, checking its MAC. A plan calls it
 * only when a step runs. Implementations must not write the plaintext anywhere.
 */
@FunctionalInterface
public interface SecretDecryptor {

    /**
     * Decrypts.
     *
     * @param file the file, for messages
     * @param encrypted the file's bytes, as checked against the plan's fingerprint
     * @return the values tree in document order
     */
    Map<String, Object> decrypt(Path file, byte[] encrypted) throws IOException, GeneralSecurityException;

    /** A decryptor that refuses: for plans that are only printed, rendered or checked. */
    static SecretDecryptor none() {
        return (file, encrypted) -> {
            throw new GeneralSecurityException(
                    "no SOPS decryptor was given to the planner, so " + file + " cannot be decrypted");
        };
    }
}
