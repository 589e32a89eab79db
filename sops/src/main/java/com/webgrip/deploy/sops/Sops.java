package com.webgrip.deploy.sops;

/**
 * SOPS in pure Java, byte-compatible with sops 3.13.
 *
 * <pre>{@code
 * SopsDecryptor decryptor = Sops.decryptor()
 *         .credentials(Credentials.builder().ageIdentity(identity).build())
 *         .build();
 * Map<String, Object> values = decryptor.decryptValues(Path.of("secrets/values.sops.yaml"));
 * }</pre>
 */
public final class Sops {
    private Sops() {}

    /** A builder of a decryptor. */
    public static SopsDecryptor.Builder decryptor() {
        return SopsDecryptor.builder();
    }

    /** A builder of an encryptor. */
    public static SopsEncryptor.Builder encryptor() {
        return SopsEncryptor.builder();
    }
}
