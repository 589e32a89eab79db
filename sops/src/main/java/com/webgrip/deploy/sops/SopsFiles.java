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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * sops's file operations on encrypted files: edit, set, unset, rotate, updatekeys, filestatus
 * and exec-env. Writes are atomic ({@link AtomicFiles}); an operation that fails leaves the file
 * as it was. Unchanged values keep their ciphertext (sops's IV stash) except after rotate, which
 * changes the data key. Immutable; build with {@link #builder()}.
 */
public final class SopsFiles {
    private final Credentials credentials;
    private final List<MasterKeyProvider> providers;
    private final boolean ignoreMac;
    private final StoreOptions storeOptions;

    private SopsFiles(Builder b) {
        this.credentials = b.credentials;
        this.providers = List.copyOf(b.providers);
        this.ignoreMac = b.ignoreMac;
        this.storeOptions = b.storeOptions;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    private SopsDecryptor decryptor() {
        SopsDecryptor.Builder b =
                Sops.decryptor().credentials(credentials).ignoreMac(ignoreMac).storeOptions(storeOptions);
        providers.forEach(b::provider);
        return b.build();
    }

    /**
     * Decrypts the file, lets {@code change} rewrite its documents, and re-encrypts it under the
     * same data key if anything changed (sops's edit).
     *
     * @return whether the file changed
     */
    public boolean edit(Path file, Format format, UnaryOperator<List<Node.Mapping>> change) throws IOException {
        byte[] content = BoundedRead.read(file, storeOptions.maxInputBytes());
        SopsDecryptor.Opened opened = decryptor().open(content, format, file.toString(), true);
        try {
            List<Node.Mapping> before = opened.document().documents();
            List<Node.Mapping> after = change.apply(before);
            if (after.equals(before)) {
                return false;
            }
            Metadata metadata = opened.document().metadata();
            byte[] written = write(after, metadata, opened, format, file.toString());
            AtomicFiles.write(file, written);
            return true;
        } finally {
            opened.cipher().destroy();
            Arrays.fill(opened.dataKey(), (byte) 0);
        }
    }

    /** Sets the value at a path ({@code ["a"]["b"]}), creating maps and lists as needed. */
    public boolean set(Path file, Format format, String treePath, Node value) throws IOException {
        TreePath path = TreePath.parse(treePath);
        SopsException[] failure = new SopsException[1];
        boolean changed = edit(file, format, documents -> {
            List<Node.Mapping> copy = new ArrayList<>(documents);
            try {
                copy.set(0, path.set(copy.isEmpty() ? Node.Mapping.EMPTY : copy.get(0), value));
            } catch (SopsPathException e) {
                failure[0] = e;
                return documents;
            }
            return copy;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return changed;
    }

    /**
     * Removes the value at a path.
     *
     * @throws SopsPathException if the path is absent (unless {@code idempotent})
     */
    public boolean unset(Path file, Format format, String treePath, boolean idempotent) throws IOException {
        TreePath path = TreePath.parse(treePath);
        SopsException[] failure = new SopsException[1];
        boolean changed = edit(file, format, documents -> {
            List<Node.Mapping> copy = new ArrayList<>(documents);
            try {
                copy.set(0, path.unset(copy.get(0)));
            } catch (SopsPathException e) {
                if (!idempotent) {
                    failure[0] = e;
                }
                return documents;
            }
            return copy;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return changed;
    }

    /**
     * Generates a new data key, wraps it for the file's master keys (plus {@code add}, minus
     * {@code remove}, added to the first group) and re-encrypts every value (sops's rotate).
     */
    public void rotate(Path file, Format format, List<KeyRecipient> add, List<KeyRecipient> remove) throws IOException {
        byte[] content = BoundedRead.read(file, storeOptions.maxInputBytes());
        SopsDecryptor.Opened opened = decryptor().open(content, format, file.toString(), false);
        opened.cipher().destroy();
        Arrays.fill(opened.dataKey(), (byte) 0);
        Metadata metadata = opened.document().metadata();
        List<List<KeyRecipient>> groups = new ArrayList<>();
        for (KeyGroup group : metadata.keyGroups()) {
            List<KeyRecipient> recipients = new ArrayList<>();
            for (MasterKey key : group.keys()) {
                KeyRecipient r = new KeyRecipient(key.type(), key.publicPart());
                if (!remove.contains(r)) {
                    recipients.add(r);
                }
            }
            groups.add(recipients);
        }
        if (groups.isEmpty()) {
            groups.add(new ArrayList<>());
        }
        for (KeyRecipient r : add) {
            if (!groups.get(0).contains(r)) {
                groups.get(0).add(r);
            }
        }
        byte[] dataKey = new byte[32];
        credentials.random().nextBytes(dataKey);
        ValueCipher cipher = new ValueCipher(dataKey, credentials.random());
        try {
            List<KeyGroup> wrapped = keys().wrap(groups, metadata.shamirThreshold(), dataKey, credentials);
            Metadata rotated = metadata.withKeyGroups(wrapped, metadata.shamirThreshold());
            Store store = Stores.forFormat(format, storeOptions);
            OffsetDateTime now = OffsetDateTime.now(credentials.clock());
            byte[] written = EncryptedWriter.write(
                            opened.document().documents(),
                            rotated,
                            cipher,
                            store,
                            now,
                            Metadata.SOPS_VERSION,
                            file.toString())
                    .bytes();
            AtomicFiles.write(file, written);
        } finally {
            cipher.destroy();
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Re-wraps the same data key for the key groups of a creation rule (sops's updatekeys). Values,
     * MAC and {@code lastmodified} are left untouched; run {@link #rotate} too after removing a key.
     *
     * @return whether the key groups or threshold changed
     */
    public boolean updateKeys(Path file, Format format, CreationRule rule) throws IOException {
        byte[] content = BoundedRead.read(file, storeOptions.maxInputBytes());
        Store store = Stores.forFormat(format, storeOptions);
        KeyWrapping keys = keys();
        List<Node.Mapping> loaded = store.loadEncrypted(content, file.toString());
        MetadataPlacement.Split split = MetadataPlacement.extract(loaded, store, file.toString());
        Metadata metadata = MetadataCodec.read(split.metadata(), file.toString(), keys.types());
        List<List<KeyRecipient>> current = new ArrayList<>();
        for (KeyGroup group : metadata.keyGroups()) {
            current.add(group.keys().stream()
                    .map(k -> new KeyRecipient(k.type(), k.publicPart()))
                    .toList());
        }
        int threshold = rule.keyGroups().size() > 1 ? rule.shamirThreshold() : 0;
        if (sameGroups(current, rule.keyGroups()) && threshold == metadata.shamirThreshold()) {
            return false;
        }
        byte[] dataKey = keys.recover(metadata, credentials, KeyWrapping.DEFAULT_ORDER, file.toString());
        try {
            List<KeyGroup> wrapped = keys.wrap(rule.keyGroups(), threshold, dataKey, credentials);
            Metadata updated = metadata.withKeyGroups(wrapped, threshold);
            List<Node.Mapping> documents =
                    MetadataPlacement.place(split.documents(), MetadataCodec.write(updated), store);
            AtomicFiles.write(file, store.emitEncrypted(documents));
            return true;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static boolean sameGroups(List<List<KeyRecipient>> a, List<List<KeyRecipient>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!new java.util.HashSet<>(a.get(i)).equals(new java.util.HashSet<>(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the file is encrypted by sops (has sops metadata), as {@code sops filestatus}. */
    public boolean isEncrypted(Path file, Format format) throws IOException {
        byte[] content = BoundedRead.read(file, storeOptions.maxInputBytes());
        Store store = Stores.forFormat(format, storeOptions);
        try {
            MetadataPlacement.extract(store.loadEncrypted(content, file.toString()), store, file.toString());
            return true;
        } catch (SopsMetadataNotFoundException e) {
            return false;
        }
    }

    /**
     * The decrypted top-level values as environment variables (sops's exec-env): every
     * non-complex value of the first document, numbers and bools as sops prints them.
     */
    public Map<String, String> environment(Path file, Format format) throws IOException {
        SopsDocument document = decryptor().decrypt(file, format);
        Map<String, String> env = new LinkedHashMap<>();
        List<Node.Mapping> documents = document.resolved();
        Node.Mapping first = documents.isEmpty() ? Node.Mapping.EMPTY : documents.get(0);
        for (Node.Entry e : first.entries()) {
            Node v = e.value();
            if (v instanceof Node.Mapping || v instanceof Node.Sequence) {
                continue;
            }
            env.put(e.key(), EnvText.of(v));
        }
        return env;
    }

    private KeyWrapping keys() {
        return KeyWrapping.withProviders(providers);
    }

    private byte[] write(
            List<Node.Mapping> documents, Metadata metadata, SopsDecryptor.Opened opened, Format format, String source)
            throws SopsException {
        Store store = Stores.forFormat(format, storeOptions);
        OffsetDateTime now = OffsetDateTime.now(credentials.clock());
        return EncryptedWriter.write(documents, metadata, opened.cipher(), store, now, Metadata.SOPS_VERSION, source)
                .bytes();
    }

    /** A builder of {@link SopsFiles}. */
    public static final class Builder {
        private Credentials credentials = Credentials.none();
        private final List<MasterKeyProvider> providers = new ArrayList<>();
        private boolean ignoreMac;
        private StoreOptions storeOptions = StoreOptions.defaults();

        private Builder() {}

        /** Credentials to open and re-wrap data keys. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** An extra master key provider. */
        public Builder provider(MasterKeyProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Skip MAC verification when opening files. */
        public Builder ignoreMac(boolean ignore) {
            this.ignoreMac = ignore;
            return this;
        }

        /** Store options. */
        public Builder storeOptions(StoreOptions options) {
            this.storeOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The operations. */
        public SopsFiles build() {
            return new SopsFiles(this);
        }
    }
}
