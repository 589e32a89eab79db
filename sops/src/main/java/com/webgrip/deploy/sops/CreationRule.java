package com.webgrip.deploy.sops;

import java.util.List;
import java.util.Objects;

/**
 * One {@code creation_rules} entry of {@code .sops.yaml}, resolved: the key groups to encrypt new
 * files to, the Shamir threshold, which values to encrypt, and whether the MAC covers only
 * encrypted values.
 *
 * @param pathRegex the rule's {@code path_regex} (Go RE2), or empty to match every file
 * @param keyGroups the key groups (one, unless {@code key_groups} names several)
 * @param shamirThreshold groups needed to decrypt (0: all)
 * @param rule the encryption rule ({@link EncryptionRule#DEFAULT} when the rule names none)
 * @param macOnlyEncrypted whether the MAC covers only encrypted values
 */
public record CreationRule(
        String pathRegex,
        List<List<KeyRecipient>> keyGroups,
        int shamirThreshold,
        EncryptionRule rule,
        boolean macOnlyEncrypted) {
    public CreationRule {
        Objects.requireNonNull(pathRegex, "pathRegex");
        keyGroups = keyGroups.stream().map(List::copyOf).toList();
        Objects.requireNonNull(rule, "rule");
    }
}
