package com.webgrip.deploy.age;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The SSH wire encoding (RFC 4251 section 5): big-endian {@code uint32}, length-prefixed
 * {@code string} and two's-complement {@code mpint}. Readers throw {@link IllegalArgumentException}
 * naming what they expected, never echoing the data (it may be a private key).
 */
final class SshWire {
    private SshWire() {}

    /** Reads fields in order from one buffer; {@link #requireEnd} checks nothing is left over. */
    static final class Reader {
        private final byte[] data;
        private final String what;
        private int position;

        Reader(byte[] data, String what) {
            this.data = data;
            this.what = what;
        }

        int readUint32() {
            require(4, "a 4-byte integer");
            int value = ((data[position] & 0xff) << 24)
                    | ((data[position + 1] & 0xff) << 16)
                    | ((data[position + 2] & 0xff) << 8)
                    | (data[position + 3] & 0xff);
            position += 4;
            return value;
        }

        byte[] readString() {
            int length = readUint32();
            if (length < 0) {
                throw new IllegalArgumentException(what + ": field length " + Integer.toUnsignedString(length)
                        + " at offset " + (position - 4) + " is larger than the data");
            }
            require(length, "a field of " + length + " bytes");
            byte[] out = Arrays.copyOfRange(data, position, position + length);
            position += length;
            return out;
        }

        String readAscii() {
            return new String(readString(), StandardCharsets.US_ASCII);
        }

        /** A non-negative mpint, at most {@code maxBits} long (a bound on attacker-chosen sizes). */
        BigInteger readPositiveMpint(int maxBits, String field) {
            byte[] bytes = readString();
            try {
                if (bytes.length > 0 && (bytes[0] & 0x80) != 0) {
                    throw new IllegalArgumentException(
                            what + ": " + field + " is negative; expected a positive integer");
                }
                BigInteger value = new BigInteger(1, bytes);
                if (value.signum() == 0) {
                    throw new IllegalArgumentException(what + ": " + field + " is zero; expected a positive integer");
                }
                if (value.bitLength() > maxBits) {
                    throw new IllegalArgumentException(
                            what + ": " + field + " has " + value.bitLength() + " bits; expected at most " + maxBits);
                }
                return value;
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }

        byte[] readBytes(int length) {
            require(length, length + " bytes");
            byte[] out = Arrays.copyOfRange(data, position, position + length);
            position += length;
            return out;
        }

        int remaining() {
            return data.length - position;
        }

        int position() {
            return position;
        }

        void requireEnd() {
            if (position != data.length) {
                throw new IllegalArgumentException(
                        what + ": " + (data.length - position) + " unexpected bytes after the last field");
            }
        }

        private void require(int length, String expected) {
            if (length > data.length - position) {
                throw new IllegalArgumentException(what + ": expected " + expected + " at offset " + position
                        + " but only " + (data.length - position) + " bytes are left");
            }
        }
    }

    /** Builds a wire encoding. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer uint32(int value) {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        Writer string(byte[] value) {
            uint32(value.length);
            out.write(value, 0, value.length);
            return this;
        }

        Writer string(String value) {
            return string(value.getBytes(StandardCharsets.US_ASCII));
        }

        Writer mpint(BigInteger value) {
            return string(value.toByteArray());
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
