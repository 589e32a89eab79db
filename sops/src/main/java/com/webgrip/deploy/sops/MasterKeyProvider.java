package com.webgrip.deploy.sops;

import java.util.List;
import java.util.Optional;

/**
 * A kind of master key (SPI): wraps the data key for a recipient and unwraps it again. Built in:
 * {@code age} and {@code pgp}. Others (cloud KMS, Vault, …) are found with
 * {@link java.util.ServiceLoader} under this interface's name, or passed to the builders directly.
 *
 * <p>Implementations must not keep the data key, and must never put key material in messages.
 */
public interface MasterKeyProvider {

    /** The metadata list this provider's entries live in, e.g. {@code age}, {@code pgp}, {@code kms}. */
    String type();

    /**
     * Wraps the data key (or a Shamir share) for a recipient named as in {@code .sops.yaml} or on
     * the command line (an age recipient, a PGP fingerprint, a KMS ARN, …).
     *
     * @return the metadata entry, with {@code enc} and the fields that name the recipient
     * @throws SopsKeyException if the recipient is malformed or the key cannot be used
     */
    MasterKey wrap(String recipient, byte[] dataKey, Credentials credentials) throws SopsException;

    /**
     * Unwraps the data key of one entry with the credentials at hand.
     *
     * @return the data key (the caller zeroes it), or empty when no credential of this provider
     *     fits the entry
     * @throws SopsException when a credential fits but unwrapping fails in a way worth reporting
     */
    Optional<byte[]> unwrap(MasterKey key, Credentials credentials) throws SopsException;

    /** The credentials this provider would try, as {@code type:public-part}, for error messages. */
    default List<String> describeCredentials(Credentials credentials) {
        return List.of();
    }
}
