package com.webgrip.deploy.age;

import java.util.List;
import java.util.Optional;

/**
 * A key that can open files: finds its stanza among a header's stanzas and unwraps the file key.
 */
public interface Identity {

    /**
     * Unwraps the file key from the stanzas of one header.
     *
     * @param stanzas every stanza of the header, in order
     * @return the file key, or empty when no stanza is for this identity (the caller then tries
     *     the next identity)
     * @throws AgeHeaderException if a stanza of this identity's type is malformed (a stanza of
     *     an unknown type is ignored, never an error)
     * @throws AgeException if unwrapping fails for another reason (a plugin failed, ...)
     */
    Optional<FileKey> unwrap(List<Stanza> stanzas) throws AgeException;

    /**
     * A short name of the identity type for messages, for example {@code X25519}; never key
     * material.
     */
    String typeName();
}
