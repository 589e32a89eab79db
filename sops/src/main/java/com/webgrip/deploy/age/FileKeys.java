package com.webgrip.deploy.age;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The decrypting side of a header: the header-level rules, the identities, the MAC. */
final class FileKeys {
    private FileKeys() {}

    /**
     * Finds the file key with the first identity that unwraps a stanza, then checks the MAC.
     *
     * @return the file key bytes; the caller zeroes them
     */
    static byte[] unwrap(Header header, List<Identity> identities) throws AgeException {
        List<Stanza> stanzas = header.stanzas();
        for (Stanza stanza : stanzas) {
            if (stanza.type().equals(Scrypt.TYPE) && stanzas.size() != 1) {
                throw new AgeHeaderException(
                        "an scrypt stanza must be the only stanza of the header; found " + stanzas.size() + " stanzas");
            }
        }
        List<String> tried = new ArrayList<>();
        for (Identity identity : identities) {
            tried.add(identity.typeName());
            Optional<FileKey> found = identity.unwrap(stanzas);
            if (found.isPresent()) {
                FileKey fileKey = found.get();
                byte[] key = fileKey.bytes();
                fileKey.destroy();
                if (!header.macMatches(key)) {
                    java.util.Arrays.fill(key, (byte) 0);
                    throw new AgeHeaderMacException("the header MAC does not match: the header was changed");
                }
                return key;
            }
        }
        throw new NoIdentityMatchedException(header.stanzaTypes(), tried);
    }
}
