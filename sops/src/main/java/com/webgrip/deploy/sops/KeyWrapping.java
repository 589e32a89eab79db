package com.webgrip.deploy.sops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Wraps a data key for key groups (splitting it by Shamir for two or more groups) and recovers it
 * from a file's metadata, trying master key types in sops's decryption order (age, then pgp,
 * then the rest in file order).
 */
final class KeyWrapping {
    static final List<String> DEFAULT_ORDER = List.of("age", "pgp");

    private final Map<String, MasterKeyProvider> providers;

    private KeyWrapping(Map<String, MasterKeyProvider> providers) {
        this.providers = providers;
    }

    /**
     * The built-in providers ({@code age}, {@code pgp}), those found by ServiceLoader, then the
     * extra ones given to a builder. An extra provider may replace any type: the caller chose it.
     * A ServiceLoader provider may only add a type: any jar on the class path can declare one, and
     * a provider is handed every identity and secret key ring, so one that claims {@code age},
     * {@code pgp} or another discovered type is refused.
     *
     * @throws IllegalStateException naming both classes when a discovered provider's type is taken
     */
    static KeyWrapping withProviders(List<MasterKeyProvider> extra) {
        return withProviders(ServiceLoader.load(MasterKeyProvider.class, KeyWrapping.class.getClassLoader()), extra);
    }

    static KeyWrapping withProviders(Iterable<MasterKeyProvider> discovered, List<MasterKeyProvider> extra) {
        Map<String, MasterKeyProvider> map = new LinkedHashMap<>();
        map.put("age", new AgeKeyProvider());
        map.put("pgp", new PgpKeyProvider());
        for (MasterKeyProvider p : discovered) {
            MasterKeyProvider taken = map.putIfAbsent(p.type(), p);
            if (taken != null) {
                throw new IllegalStateException(
                        "master key provider " + p.getClass().getName()
                                + " (found by ServiceLoader) claims type \"" + p.type() + "\", which "
                                + taken.getClass().getName() + " already provides; a discovered provider cannot"
                                + " replace another; pass it to the builder's provider(...) to choose it explicitly");
            }
        }
        extra.forEach(p -> map.put(p.type(), p));
        return new KeyWrapping(map);
    }

    List<String> types() {
        return List.copyOf(providers.keySet());
    }

    /** Wraps a data key for the groups; threshold 0 means every group. */
    List<KeyGroup> wrap(List<List<KeyRecipient>> groups, int threshold, byte[] dataKey, Credentials credentials)
            throws SopsException {
        if (groups.isEmpty() || groups.stream().allMatch(List::isEmpty)) {
            throw new SopsKeyException(
                    "no master key to encrypt with; give --age or --pgp, or a creation rule in .sops.yaml");
        }
        byte[][] shares;
        if (groups.size() == 1) {
            shares = new byte[][] {dataKey.clone()};
        } else {
            int t = threshold == 0 ? groups.size() : threshold;
            if (t > groups.size()) {
                throw new SopsKeyException(
                        "shamir threshold " + t + " is more than the " + groups.size() + " key groups");
            }
            try {
                shares = Shamir.split(dataKey, groups.size(), t, credentials.random());
            } catch (IllegalArgumentException e) {
                throw new SopsKeyException("could not split the data key: " + e.getMessage());
            }
        }
        List<KeyGroup> result = new ArrayList<>();
        try {
            for (int i = 0; i < groups.size(); i++) {
                List<MasterKey> keys = new ArrayList<>();
                for (KeyRecipient recipient : groups.get(i)) {
                    keys.add(provider(recipient.type()).wrap(recipient.recipient(), shares[i], credentials));
                }
                keys.sort(Comparator.comparingInt(k -> typeRank(k.type())));
                result.add(new KeyGroup(keys));
            }
        } finally {
            for (byte[] share : shares) {
                Arrays.fill(share, (byte) 0);
            }
        }
        return result;
    }

    private static int typeRank(String type) {
        int known = MetadataCodec.KNOWN_TYPES.indexOf(type);
        return known < 0 ? MetadataCodec.KNOWN_TYPES.size() : known;
    }

    private MasterKeyProvider provider(String type) throws SopsKeyException {
        MasterKeyProvider provider = providers.get(type);
        if (provider == null) {
            throw new SopsKeyException("no master key provider for type \"" + type + "\"; available: "
                    + providers.keySet() + " (add one through the MasterKeyProvider SPI)");
        }
        return provider;
    }

    /** Recovers the data key; the caller zeroes it. */
    byte[] recover(Metadata metadata, Credentials credentials, List<String> order, String source) throws SopsException {
        List<KeyGroup> groups = metadata.keyGroups();
        List<SopsException> failures = new ArrayList<>();
        if (groups.size() == 1) {
            Optional<byte[]> key = openGroup(groups.get(0), credentials, order, failures);
            if (key.isPresent() && key.get().length == 32) {
                return key.get();
            }
            key.ifPresent(wrongLength -> Arrays.fill(wrongLength, (byte) 0));
            throw noKey(metadata, credentials, source, failures, null);
        }
        int threshold = metadata.shamirThreshold() == 0 ? groups.size() : metadata.shamirThreshold();
        List<byte[]> parts = new ArrayList<>();
        for (KeyGroup group : groups) {
            openGroup(group, credentials, order, failures).ifPresent(parts::add);
            if (parts.size() == threshold) {
                break;
            }
        }
        try {
            if (parts.size() < threshold) {
                throw noKey(
                        metadata,
                        credentials,
                        source,
                        failures,
                        "opened " + parts.size() + " of the " + threshold + " key groups needed");
            }
            byte[] key;
            try {
                key = Shamir.combine(parts);
            } catch (IllegalArgumentException e) {
                throw new SopsFormatException(source + ": the Shamir shares do not combine: " + e.getMessage());
            }
            if (key.length != 32) {
                throw new SopsFormatException(
                        source + ": the combined data key has " + key.length + " bytes; expected 32");
            }
            return key;
        } finally {
            parts.forEach(p -> Arrays.fill(p, (byte) 0));
        }
    }

    private Optional<byte[]> openGroup(
            KeyGroup group, Credentials credentials, List<String> order, List<SopsException> failures) {
        List<MasterKey> keys = new ArrayList<>(group.keys());
        keys.sort(Comparator.comparingInt(k -> {
            int i = order.indexOf(k.type());
            return i < 0 ? order.size() : i;
        }));
        for (MasterKey key : keys) {
            MasterKeyProvider provider = providers.get(key.type());
            if (provider == null) {
                continue;
            }
            try {
                Optional<byte[]> opened = provider.unwrap(key, credentials);
                if (opened.isPresent()) {
                    return opened;
                }
            } catch (SopsException e) {
                failures.add(e);
            }
        }
        return Optional.empty();
    }

    private SopsNoKeyException noKey(
            Metadata metadata, Credentials credentials, String source, List<SopsException> failures, String detail) {
        List<String> fileKeys =
                metadata.allKeys().stream().map(MasterKey::toString).toList();
        List<String> tried = new ArrayList<>();
        for (MasterKeyProvider provider : providers.values()) {
            tried.addAll(provider.describeCredentials(credentials));
        }
        StringBuilder message = new StringBuilder(source)
                .append(": no master key could decrypt the data key")
                .append(detail == null ? "" : " (" + detail + ")")
                .append("; the file's keys: ")
                .append(fileKeys)
                .append("; identities tried: ")
                .append(tried.isEmpty() ? "none (no age identity or PGP secret key was found)" : tried);
        for (SopsException failure : failures) {
            message.append("; ").append(failure.getMessage());
        }
        SopsNoKeyException e = new SopsNoKeyException(message.toString(), fileKeys, tried);
        failures.forEach(e::addSuppressed);
        return e;
    }
}
