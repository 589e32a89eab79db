package com.webgrip.deploy.core.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;

/**
 * A SOPS-encrypted values file as a plan holds it: a reference and a way to decrypt it when its
 * step runs. A plan never holds the plaintext.
 */
public interface SecretValues {

    /** The encrypted file. */
    Path file();

    /**
     * A digest of the encrypted file's bytes as read when the plan was made ({@code sha256:…}): it
     * changes whenever the file is rewritten, and tells nothing about the plaintext.
     */
    String fingerprint();

    /**
     * The values tree with every encrypted value replaced by a placeholder of its type ({@code
     * "(secret)"}, {@code 0}, {@code 0.0}, {@code false}): the shape of the secrets without their
     * content, read without any key. Validation renders charts with it.
     */
    Map<String, Object> masked() throws IOException;

    /**
     * Decrypts the file in memory, verifying its MAC. The caller owns the returned tree and must not
     * log it or write it to disk.
     */
    Map<String, Object> decrypt() throws IOException, GeneralSecurityException;
}
