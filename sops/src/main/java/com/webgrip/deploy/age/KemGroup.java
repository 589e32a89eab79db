package com.webgrip.deploy.age;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The traditional half of a hybrid KEM (filippo.io/hpke-pq "Group definitions"): X25519 or P-256,
 * with elements and scalars as byte strings.
 */
interface KemGroup {

    /** Bytes of an encoded element (Group.Nelem). */
    int elementLength();

    /** Bytes of seed that {@link #randomScalar} consumes (Group.Nseed). */
    int seedLength();

    /** Group.RandomScalar(seed). */
    byte[] randomScalar(byte[] seed);

    /** Group.Exp(G, scalar). */
    byte[] expBase(byte[] scalar);

    /**
     * Group.ElementToSharedSecret(Group.Exp(element, scalar)).
     *
     * @throws IllegalArgumentException when the element is not a valid group element or the result
     *     is the all-zero value that RFC 7748 says to reject
     */
    byte[] sharedSecret(byte[] element, byte[] scalar);

    /** Checks an element from the outside world; throws IllegalArgumentException when it is not one. */
    void checkElement(byte[] element);

    KemGroup X25519_GROUP = new KemGroup() {
        @Override
        public int elementLength() {
            return X25519.POINT_SIZE;
        }

        @Override
        public int seedLength() {
            return X25519.SCALAR_SIZE;
        }

        @Override
        public byte[] randomScalar(byte[] seed) {
            return seed.clone(); // X25519 clamps the scalar itself
        }

        @Override
        public byte[] expBase(byte[] scalar) {
            byte[] out = new byte[X25519.POINT_SIZE];
            X25519.scalarMultBase(scalar, 0, out, 0);
            return out;
        }

        @Override
        public byte[] sharedSecret(byte[] element, byte[] scalar) {
            checkElement(element);
            byte[] out = new byte[X25519.POINT_SIZE];
            if (!X25519.calculateAgreement(scalar, 0, element, 0, out, 0)) {
                throw new IllegalArgumentException("X25519 share is a low-order point (all-zero shared secret)");
            }
            return out;
        }

        @Override
        public void checkElement(byte[] element) {
            if (element.length != X25519.POINT_SIZE) {
                throw new IllegalArgumentException(
                        "X25519 element has " + element.length + " bytes; expected " + X25519.POINT_SIZE);
            }
        }
    };

    KemGroup P256_GROUP = new KemGroup() {
        private final X9ECParameters curve = P256.CURVE;

        @Override
        public int elementLength() {
            return 65;
        }

        @Override
        public int seedLength() {
            return 128;
        }

        @Override
        public byte[] randomScalar(byte[] seed) {
            BigInteger order = curve.getN();
            for (int start = 0; start + 32 <= seed.length; start += 32) {
                byte[] candidate = Arrays.copyOfRange(seed, start, start + 32);
                BigInteger value = new BigInteger(1, candidate);
                if (value.signum() != 0 && value.compareTo(order) < 0) {
                    return candidate;
                }
                KeyBytes.zero(candidate);
            }
            throw new IllegalStateException("P-256 rejection sampling failed (probability below 2^-128)");
        }

        @Override
        public byte[] expBase(byte[] scalar) {
            return new FixedPointCombMultiplier()
                    .multiply(curve.getG(), new BigInteger(1, scalar))
                    .normalize()
                    .getEncoded(false);
        }

        @Override
        public byte[] sharedSecret(byte[] element, byte[] scalar) {
            ECPoint point = decode(element).multiply(new BigInteger(1, scalar)).normalize();
            if (point.isInfinity()) {
                throw new IllegalArgumentException("P-256 shared point is the point at infinity");
            }
            return point.getAffineXCoord().getEncoded();
        }

        @Override
        public void checkElement(byte[] element) {
            decode(element);
        }

        private ECPoint decode(byte[] element) {
            if (element.length != 65 || element[0] != 4) {
                throw new IllegalArgumentException("P-256 element has " + element.length
                        + " bytes; expected a 65-byte uncompressed point (04 || x || y)");
            }
            return P256.decode(element);
        }
    };
}
