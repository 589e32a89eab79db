package com.webgrip.deploy.age;

/**
 * DHKEM(P-256, HKDF-SHA256) of RFC 9180 section 4.1, the KEM of the {@code p256tag} recipient.
 * Only encapsulation lives here: decapsulation needs the hardware that holds the private key.
 */
final class DhKemP256 {
    static final int KEM_ID = 0x0010;
    static final int ENC_LENGTH = 65;
    private static final int SCALAR_LENGTH = 32;

    private DhKemP256() {}

    /**
     * Encap(pkR) with the ephemeral scalar drawn from {@code seed} (32-byte chunks, the first that is
     * a valid scalar): returns {@code {shared secret, enc}}.
     *
     * @param recipient the uncompressed (65-byte) public key
     */
    static byte[][] encapsulate(byte[] recipient, byte[] seed) {
        byte[] scalar = KemGroup.P256_GROUP.randomScalar(seed);
        byte[] dh = null;
        try {
            byte[] enc = KemGroup.P256_GROUP.expBase(scalar);
            dh = KemGroup.P256_GROUP.sharedSecret(recipient, scalar);
            return new byte[][] {extractAndExpand(dh, KeyBytes.concat(enc, recipient)), enc};
        } finally {
            KeyBytes.zero(scalar, dh);
        }
    }

    /** ExtractAndExpand(dh, kem_context) with the KEM's own suite ("KEM" || 0x0010). */
    static byte[] extractAndExpand(byte[] dh, byte[] kemContext) {
        byte[] suite = Hpke.kemSuiteId(KEM_ID);
        byte[] prk = Hpke.labeledExtract(suite, new byte[0], "eae_prk", dh);
        try {
            return Hpke.labeledExpand(suite, prk, "shared_secret", kemContext, 32);
        } finally {
            KeyBytes.zero(prk);
        }
    }

    /** Bytes of randomness that {@link #encapsulate} wants: four chunks, as Group.Nseed of P-256. */
    static int seedLength() {
        return 4 * SCALAR_LENGTH;
    }
}
