package com.webgrip.deploy.age;

import java.util.List;
import java.util.Set;

/**
 * Someone a file is encrypted to: wraps the file key into header stanzas.
 *
 * <p>Implementations must not keep the file key; they may read it only during {@link #wrap}.
 */
public interface Recipient {

    /**
     * Wraps the file key into one or more stanzas for this recipient.
     *
     * @throws AgeException if wrapping fails (a plugin failed, a key is unusable, ...)
     */
    List<Stanza> wrap(FileKey fileKey) throws AgeException;

    /**
     * Labels that constrain which recipients may share a header, as Go age's
     * {@code RecipientWithLabels}: every recipient of one file must have the same set. For example
     * post-quantum recipients carry {@code "postquantum"}, so that a file is never encrypted to a
     * mix of quantum-safe and classical recipients, and a passphrase carries a unique label so
     * that it stands alone.
     */
    default Set<String> labels() {
        return Set.of();
    }

    /** A short name of the recipient type for messages, for example {@code X25519}. */
    String typeName();
}
