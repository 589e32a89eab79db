package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.Store;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.store.Stores;
import com.webgrip.deploy.sops.tree.Anchors;
import com.webgrip.deploy.sops.tree.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decrypts SOPS files in memory: recovers the data key with the given credentials, decrypts every
 * value, and verifies the MAC (unless told not to). Thread-safe and immutable; build with
 * {@link Sops#decryptor()}.
 */
public final class SopsDecryptor {
    private final Credentials credentials;
    private final KeyWrapping keys;
    private final boolean ignoreMac;
    private final StoreOptions storeOptions;
    private final List<String> decryptionOrder;
    private final boolean parallel;

    private SopsDecryptor(Builder b) {
        this.credentials = b.credentials;
        this.keys = KeyWrapping.withProviders(b.providers);
        this.ignoreMac = b.ignoreMac;
        this.storeOptions = b.storeOptions;
        this.decryptionOrder = List.copyOf(b.decryptionOrder);
        this.parallel = b.parallel;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Decrypts a file, its format chosen by its name as sops chooses it. */
    public SopsDocument decrypt(Path file) throws IOException {
        return decrypt(file, Format.forPath(file));
    }

    /** Decrypts a file read as the given format. */
    public SopsDocument decrypt(Path file, Format format) throws IOException {
        return decrypt(BoundedRead.read(file, storeOptions.maxInputBytes()), format, file.toString());
    }

    /** Decrypts content read as the given format; {@code source} names it in messages. */
    public SopsDocument decrypt(byte[] content, Format format, String source) throws SopsException {
        Opened opened = open(content, format, source, false);
        // the document holds the plaintext; the data key is no longer needed by anyone
        opened.cipher().destroy();
        Arrays.fill(opened.dataKey(), (byte) 0);
        return opened.document();
    }

    /**
     * Decrypts a values file straight into plain values (the first document, in document order):
     * what a Helm values layer needs, with no file in between.
     */
    public Map<String, Object> decryptValues(Path file) throws IOException {
        return decrypt(file).toJava();
    }

    /** An opened file: the document, and the cipher (data key and IV stash) to write it back. */
    record Opened(SopsDocument document, ValueCipher cipher, byte[] dataKey) {}

    /**
     * Opens a file.
     *
     * @param keepIvs whether to remember every value's IV, to write unchanged values back unchanged
     */
    Opened open(byte[] content, Format format, String source, boolean keepIvs) throws SopsException {
        Store store = Stores.forFormat(format, storeOptions);
        List<Node.Mapping> loaded = store.loadEncrypted(content, source);
        MetadataPlacement.Split split = MetadataPlacement.extract(loaded, store, source);
        Metadata metadata = MetadataCodec.read(split.metadata(), source, keys.types());
        byte[] dataKey = keys.recover(metadata, credentials, decryptionOrder, source);
        ValueCipher cipher = new ValueCipher(dataKey, credentials.random());
        try {
            TreeCrypter.Result result =
                    TreeCrypter.decrypt(split.documents(), cipher, metadata, source, keepIvs, parallel);
            if (!ignoreMac) {
                verifyMac(metadata, result.mac(), cipher, source);
            }
            return new Opened(new SopsDocument(result.documents(), metadata, format), cipher, dataKey);
        } catch (SopsException | RuntimeException e) {
            cipher.destroy();
            Arrays.fill(dataKey, (byte) 0);
            if (e instanceof SopsDecryptionException d && writtenKeepingAnchors(content, format, source)) {
                throw new SopsDecryptionException(d.getMessage() + KEEP_ANCHORS_HINT, d.path());
            }
            if (e instanceof SopsMacMismatchException && writtenKeepingAnchors(content, format, source)) {
                throw new SopsMacMismatchException(e.getMessage() + KEEP_ANCHORS_HINT);
            }
            throw e;
        }
    }

    private static final String KEEP_ANCHORS_HINT = "; the file has YAML aliases: if it was written keeping"
            + " anchors (--keep-anchors), decrypt it keeping anchors too";

    /** Whether a file that failed in the default mode holds aliases, as keep-anchors files do. */
    private boolean writtenKeepingAnchors(byte[] content, Format format, String source) {
        if (format != Format.YAML || storeOptions.keepAnchors()) {
            return false;
        }
        try {
            Store keeping = Stores.forFormat(format, storeOptions.withKeepAnchors(true));
            return Anchors.present(keeping.loadEncrypted(content, source));
        } catch (SopsFormatException e) {
            return false;
        }
    }

    private static void verifyMac(Metadata metadata, String computed, ValueCipher cipher, String source)
            throws SopsException {
        if (metadata.mac().isEmpty()) {
            throw new SopsMacMismatchException(source + ": the file has no MAC (sops.mac is missing or empty);"
                    + " it cannot be verified; decrypt with MAC checking off only if you trust it");
        }
        String aad = metadata.lastModifiedText();
        Node stored;
        try {
            stored = cipher.decrypt(metadata.mac(), aad, source);
        } catch (SopsDecryptionException e) {
            throw new SopsMacMismatchException(source + ": the MAC does not authenticate with sops.lastmodified " + aad
                    + ": sops.mac or sops.lastmodified was changed");
        }
        String storedText = stored instanceof Node.Str s ? s.value() : "";
        if (!MessageDigest.isEqual(
                storedText.getBytes(StandardCharsets.US_ASCII), computed.getBytes(StandardCharsets.US_ASCII))) {
            throw new SopsMacMismatchException(source + ": MAC mismatch: the values were changed, reordered, added or"
                    + " removed outside sops (the file's MAC does not match the one computed over its values)");
        }
    }

    /** A builder of {@link SopsDecryptor}. */
    public static final class Builder {
        private Credentials credentials = Credentials.none();
        private final List<MasterKeyProvider> providers = new ArrayList<>();
        private boolean ignoreMac;
        private StoreOptions storeOptions = StoreOptions.defaults();
        private List<String> decryptionOrder = KeyWrapping.DEFAULT_ORDER;
        private boolean parallel = true;

        private Builder() {}

        /** The credentials (age identities, PGP keys) to open the data key with. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Adds a master key provider beyond the built-in and ServiceLoader ones. */
        public Builder provider(MasterKeyProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Skips MAC verification ({@code --ignore-mac}). Off by default: only for files known to be
         * trustworthy, such as ones written before sops had a MAC.
         */
        public Builder ignoreMac(boolean ignore) {
            this.ignoreMac = ignore;
            return this;
        }

        /** Store options (limits, indentation). */
        public Builder storeOptions(StoreOptions options) {
            this.storeOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The order key types are tried in ({@code --decryption-order}); default age, pgp. */
        public Builder decryptionOrder(List<String> order) {
            this.decryptionOrder = List.copyOf(order);
            return this;
        }

        /**
         * Whether a file with many values (thousands) may be decrypted on several cores, on the
         * common fork-join pool; on by default. The result is the same either way.
         */
        public Builder parallel(boolean parallel) {
            this.parallel = parallel;
            return this;
        }

        /** The decryptor. */
        public SopsDecryptor build() {
            return new SopsDecryptor(this);
        }
    }
}
