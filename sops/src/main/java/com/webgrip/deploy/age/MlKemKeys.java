package com.webgrip.deploy.age;

/** Checks on ML-KEM-768 keys from the outside world (FIPS 203). */
final class MlKemKeys {
    private static final int Q = 3329;

    private MlKemKeys() {}

    /**
     * The encapsulation key check of FIPS 203 section 7.2: every 12-bit coefficient of the
     * 1152-byte vector part is below q, i.e. ByteEncode12(ByteDecode12(ek)) == ek.
     */
    static void checkEncapsulationKey(byte[] key) {
        if (key.length != HybridKem.MLKEM_PUBLIC_LENGTH) {
            throw new IllegalArgumentException("ML-KEM-768 encapsulation key has " + key.length + " bytes; expected "
                    + HybridKem.MLKEM_PUBLIC_LENGTH);
        }
        int vectorLength = HybridKem.MLKEM_PUBLIC_LENGTH - 32;
        for (int i = 0; i < vectorLength; i += 3) {
            int b0 = key[i] & 0xff;
            int b1 = key[i + 1] & 0xff;
            int b2 = key[i + 2] & 0xff;
            int first = b0 | ((b1 & 0x0f) << 8);
            int second = (b1 >>> 4) | (b2 << 4);
            if (first >= Q || second >= Q) {
                throw new IllegalArgumentException(
                        "ML-KEM-768 encapsulation key has a coefficient >= q near byte " + i + " (FIPS 203 7.2)");
            }
        }
    }
}
