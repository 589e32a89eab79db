package com.webgrip.deploy.age;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the header and the size of an age file tell without decrypting it, as {@code age-inspect}
 * reports: the stanza types, whether it is armored and post-quantum, and its sizes in bytes.
 *
 * @param version the version line, {@code age-encryption.org/v1}
 * @param armored whether the file is ASCII-armored
 * @param stanzaTypes the type of each stanza, in header order
 * @param postQuantum whether the file key is protected against quantum computers
 * @param fileSize the bytes read, armor included
 * @param headerSize the bytes of the (binary) header, MAC line included
 * @param armorOverhead what armoring adds: {@code fileSize} minus the binary size
 * @param streamOverhead the payload nonce and the chunks' tags
 * @param payloadSize the plaintext size, empty when the payload's length fits no chunk sequence
 */
public record AgeInspection(
        String version,
        boolean armored,
        List<String> stanzaTypes,
        PostQuantum postQuantum,
        long fileSize,
        long headerSize,
        long armorOverhead,
        long streamOverhead,
        OptionalLong payloadSize) {

    private static final Set<String> QUANTUM_SAFE = Set.of("mlkem768x25519", "mlkem768p256tag", Scrypt.TYPE);
    private static final Set<String> CLASSICAL = Set.of("X25519", "ssh-ed25519", "ssh-rsa", "p256tag");

    /** Whether a file is post-quantum. */
    public enum PostQuantum {
        /** Every stanza is of a quantum-safe type (ML-KEM hybrids, passphrases). */
        YES,
        /** At least one stanza is of a classical type (X25519, SSH keys, P-256 tags). */
        NO,
        /** Some stanza type is unknown to this library (a plugin's, for example). */
        UNKNOWN
    }

    /** Copies the list. */
    public AgeInspection {
        stanzaTypes = List.copyOf(stanzaTypes);
    }

    static PostQuantum classify(List<String> types) {
        if (types.stream().anyMatch(CLASSICAL::contains)) {
            return PostQuantum.NO;
        }
        return types.stream().allMatch(QUANTUM_SAFE::contains) ? PostQuantum.YES : PostQuantum.UNKNOWN;
    }
}
