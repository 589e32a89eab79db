package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.Store;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.store.Stores;
import com.webgrip.deploy.sops.tree.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Encrypts plaintext into a SOPS file: a fresh 32-byte data key, wrapped for every master key of
 * the key groups (Shamir-split for two or more groups), every value selected by the rule
 * encrypted, the MAC computed and stored. Immutable; build with {@link Sops#encryptor()}.
 */
public final class SopsEncryptor {
    private final Credentials credentials;
    private final KeyWrapping keys;
    private final List<List<KeyRecipient>> groups;
    private final int shamirThreshold;
    private final EncryptionRule rule;
    private final boolean macOnlyEncrypted;
    private final StoreOptions storeOptions;

    private SopsEncryptor(Builder b) {
        this.credentials = b.credentials;
        this.keys = KeyWrapping.withProviders(b.providers);
        this.groups = b.groups.stream().map(List::copyOf).toList();
        this.shamirThreshold = b.shamirThreshold;
        this.rule = b.rule;
        this.macOnlyEncrypted = b.macOnlyEncrypted;
        this.storeOptions = b.storeOptions;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Encrypts a plaintext file, its format chosen by its name. */
    public byte[] encrypt(Path file) throws IOException {
        Format format = Format.forPath(file);
        return encrypt(BoundedRead.read(file, storeOptions.maxInputBytes()), format, file.toString());
    }

    /** Encrypts plaintext content of the given format. */
    public byte[] encrypt(byte[] plaintext, Format format, String source) throws SopsException {
        Store store = Stores.forFormat(format, storeOptions);
        return encrypt(store.loadPlain(plaintext, source), format, source);
    }

    /**
     * Encrypts documents and writes them in the given format.
     *
     * @throws SopsFormatException if a document already has sops metadata
     */
    public byte[] encrypt(List<Node.Mapping> documents, Format format, String source) throws SopsException {
        Store store = Stores.forFormat(format, storeOptions);
        for (Node.Mapping document : documents) {
            boolean hasMetadata = store.metadataLayout() == Store.MetadataLayout.FLATTENED_PREFIXED
                    ? document.entries().stream().anyMatch(e -> e.key().startsWith("sops_"))
                    : document.get(MetadataPlacement.KEY).isPresent();
            if (hasMetadata) {
                throw new SopsFormatException(source + ": the file already has sops metadata; it is encrypted already");
            }
        }
        byte[] dataKey = new byte[32];
        credentials.random().nextBytes(dataKey);
        ValueCipher cipher = new ValueCipher(dataKey, credentials.random());
        try {
            List<KeyGroup> wrapped = keys.wrap(groups, shamirThreshold, dataKey, credentials);
            OffsetDateTime now = OffsetDateTime.now(credentials.clock());
            Metadata metadata = new Metadata(
                    wrapped,
                    groups.size() > 1 ? shamirThreshold : 0,
                    now,
                    "",
                    rule,
                    macOnlyEncrypted,
                    Metadata.SOPS_VERSION);
            return EncryptedWriter.write(documents, metadata, cipher, store, now, Metadata.SOPS_VERSION, source)
                    .bytes();
        } finally {
            cipher.destroy();
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** A builder of {@link SopsEncryptor}. */
    public static final class Builder {
        private Credentials credentials = Credentials.none();
        private final List<MasterKeyProvider> providers = new ArrayList<>();
        private final List<List<KeyRecipient>> groups = new ArrayList<>();
        private int shamirThreshold;
        private EncryptionRule rule = EncryptionRule.DEFAULT;
        private boolean macOnlyEncrypted;
        private StoreOptions storeOptions = StoreOptions.defaults();

        private Builder() {}

        /** Credentials: the PGP public keys to encrypt to, the clock and the randomness. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Adds a master key provider beyond the built-in and ServiceLoader ones. */
        public Builder provider(MasterKeyProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Adds recipients to the first key group (creating it). */
        public Builder recipients(KeyRecipient... recipients) {
            if (groups.isEmpty()) {
                groups.add(new ArrayList<>());
            }
            groups.get(0).addAll(Arrays.asList(recipients));
            return this;
        }

        /** Adds a key group; two or more groups split the data key by Shamir. */
        public Builder keyGroup(List<KeyRecipient> group) {
            if (group.isEmpty()) {
                throw new IllegalArgumentException("a key group needs at least one recipient");
            }
            groups.add(new ArrayList<>(group));
            return this;
        }

        /** How many key groups must be opened to decrypt (0: all). */
        public Builder shamirThreshold(int threshold) {
            if (threshold < 0 || threshold > 255) {
                throw new IllegalArgumentException("shamir threshold " + threshold + "; expected 0 to 255");
            }
            this.shamirThreshold = threshold;
            return this;
        }

        /** Which values to encrypt; default {@link EncryptionRule#DEFAULT}. */
        public Builder rule(EncryptionRule rule) {
            this.rule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** Whether the MAC covers only the encrypted values. */
        public Builder macOnlyEncrypted(boolean macOnly) {
            this.macOnlyEncrypted = macOnly;
            return this;
        }

        /** Store options (indentation, limits). */
        public Builder storeOptions(StoreOptions options) {
            this.storeOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The encryptor. */
        public SopsEncryptor build() {
            if (groups.size() > 1 && shamirThreshold > groups.size()) {
                throw new IllegalStateException(
                        "shamir threshold " + shamirThreshold + " is more than the " + groups.size() + " key groups");
            }
            return new SopsEncryptor(this);
        }
    }
}
