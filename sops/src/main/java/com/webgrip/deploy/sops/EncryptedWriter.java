package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.store.Store;
import com.webgrip.deploy.sops.tree.Anchors;
import com.webgrip.deploy.sops.tree.Node;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Encrypts plaintext documents under a data key and serializes them with their metadata: the
 * values, then the MAC over them encrypted with {@code lastmodified} as authenticated data, then
 * the metadata placed as the store wants it.
 */
final class EncryptedWriter {
    private EncryptedWriter() {}

    /** The encrypted documents (metadata placed) and the metadata written. */
    record Written(byte[] bytes, Metadata metadata) {}

    static Written write(
            List<Node.Mapping> plain,
            Metadata metadata,
            ValueCipher cipher,
            Store store,
            OffsetDateTime lastModified,
            String version,
            String source)
            throws SopsException {
        TreeCrypter.Result result = TreeCrypter.encrypt(withAnchorsFor(store, plain, source), cipher, metadata, source);
        OffsetDateTime modified = lastModified.withOffsetSameInstant(ZoneOffset.UTC);
        String aad = Metadata.formatRfc3339(modified);
        String mac = cipher.encrypt(new Node.Str(result.mac()), aad);
        Metadata written = new Metadata(
                metadata.keyGroups(),
                metadata.shamirThreshold(),
                modified,
                mac,
                metadata.rule(),
                metadata.macOnlyEncrypted(),
                version);
        List<Node.Mapping> documents = MetadataPlacement.place(result.documents(), MetadataCodec.write(written), store);
        return new Written(store.emitEncrypted(documents), written);
    }

    /**
     * The documents as the store writes them: aliases resolved for a store that cannot keep them
     * (so that every value is encrypted at the path it is read at), checked for one that can.
     */
    private static List<Node.Mapping> withAnchorsFor(Store store, List<Node.Mapping> plain, String source)
            throws SopsFormatException {
        if (!Anchors.present(plain)) {
            return plain;
        }
        try {
            List<Node.Mapping> resolved = Anchors.resolve(plain);
            return store.keepsAnchors() ? plain : resolved;
        } catch (IllegalArgumentException e) {
            throw new SopsFormatException(source + ": " + e.getMessage());
        }
    }
}
