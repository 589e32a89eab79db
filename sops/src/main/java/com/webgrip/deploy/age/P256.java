package com.webgrip.deploy.age;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/** NIST P-256 points in SEC 1 encodings, checked on the way in. */
final class P256 {
    static final X9ECParameters CURVE = CustomNamedCurves.getByName("P-256");

    private P256() {}

    /**
     * Decodes a compressed (33-byte) or uncompressed (65-byte) point.
     *
     * @throws IllegalArgumentException when the bytes are not a point of the curve
     */
    static ECPoint decode(byte[] encoded) {
        if (encoded.length != 33 && encoded.length != 65) {
            throw new IllegalArgumentException(
                    "P-256 point has " + encoded.length + " bytes; expected 33 (compressed) or 65 (uncompressed)");
        }
        try {
            ECPoint point = CURVE.getCurve().decodePoint(encoded).normalize();
            if (point.isInfinity() || !point.isValid()) {
                throw new IllegalArgumentException("bytes are not a point of P-256");
            }
            return point;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("bytes are not a point of P-256", e);
        }
    }

    static byte[] uncompressed(byte[] encoded) {
        return decode(encoded).getEncoded(false);
    }
}
