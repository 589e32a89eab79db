package com.webgrip.deploy.sops;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The {@code sops} metadata of an encrypted file.
 *
 * @param keyGroups the key groups (one, unless Shamir splitting is used)
 * @param shamirThreshold how many groups must be opened; 0 means all
 * @param lastModified when the file was last written; its RFC 3339 text authenticates the MAC
 * @param mac the encrypted MAC ({@code ENC[…]}), empty when absent
 * @param rule which values are encrypted
 * @param macOnlyEncrypted whether the MAC covers only encrypted values
 * @param version the sops version that wrote the file
 */
public record Metadata(
        List<KeyGroup> keyGroups,
        int shamirThreshold,
        OffsetDateTime lastModified,
        String mac,
        EncryptionRule rule,
        boolean macOnlyEncrypted,
        String version) {

    /** The version we write: the sops release whose format we follow. */
    public static final String SOPS_VERSION = "3.13.2";

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    public Metadata {
        keyGroups = List.copyOf(keyGroups);
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(version, "version");
        if (shamirThreshold < 0) {
            throw new IllegalArgumentException("shamir_threshold " + shamirThreshold + "; expected 0 or more");
        }
    }

    /** Go's {@code time.Format(time.RFC3339)} of {@link #lastModified}: the MAC's authenticated data. */
    public String lastModifiedText() {
        return formatRfc3339(lastModified);
    }

    static String formatRfc3339(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.SECONDS).format(RFC3339);
    }

    /** A copy with other key groups and threshold. */
    public Metadata withKeyGroups(List<KeyGroup> groups, int threshold) {
        return new Metadata(groups, threshold, lastModified, mac, rule, macOnlyEncrypted, version);
    }

    /** A copy with a new MAC, modification time and version. */
    Metadata withMac(String newMac, OffsetDateTime modified) {
        return new Metadata(
                keyGroups,
                shamirThreshold,
                modified.withOffsetSameInstant(ZoneOffset.UTC),
                newMac,
                rule,
                macOnlyEncrypted,
                SOPS_VERSION);
    }

    /** Every master key of every group, in order. */
    public List<MasterKey> allKeys() {
        return keyGroups.stream().flatMap(g -> g.keys().stream()).toList();
    }
}
