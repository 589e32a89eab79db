package com.webgrip.deploy.age;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * The age v1 file format (age-encryption.org/v1): encryption, decryption and inspection. Keys come
 * from {@link AgeKeys}.
 *
 * <pre>{@code
 * AgeSecretKey key = AgeKeys.generateX25519(new SecureRandom());
 * byte[] file = Age.encryptor().recipient(key.publicKey()).build().encrypt(plaintext);
 * byte[] back = Age.decryptor().identity(key).build().decrypt(file);
 * }</pre>
 */
public final class Age {
    private Age() {}

    /** A builder of an encryptor. */
    public static AgeEncryptor.Builder encryptor() {
        return new AgeEncryptor.Builder();
    }

    /** A builder of a decryptor. */
    public static AgeDecryptor.Builder decryptor() {
        return new AgeDecryptor.Builder();
    }

    /**
     * Reads an age file's header and counts its payload without decrypting anything. Armor is
     * detected as the age command does. Does not close {@code source}.
     *
     * @throws AgeHeaderException or {@link AgeArmorException} when the file is malformed
     */
    public static AgeInspection inspect(InputStream source) throws IOException {
        CountingInputStream counted = new CountingInputStream(source);
        BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
        InputStream in = AgeDecryptor.dearmored(buffered, AgeDecryptor.Armor.DETECT);
        boolean armored = in != buffered;
        Header header = HeaderParser.parse(in);
        long afterHeader = in.transferTo(java.io.OutputStream.nullOutputStream());
        long binarySize = header.size() + afterHeader;
        long encrypted = afterHeader - Payload.NONCE_LENGTH;
        long plaintext = encrypted < 0 ? -1 : Payload.plaintextSize(encrypted);
        return new AgeInspection(
                Header.VERSION_LINE,
                armored,
                header.stanzaTypes(),
                AgeInspection.classify(header.stanzaTypes()),
                counted.count,
                header.size(),
                counted.count - binarySize,
                plaintext < 0 ? afterHeader : afterHeader - plaintext,
                plaintext < 0 ? OptionalLong.empty() : OptionalLong.of(plaintext));
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // inspect() does not close the caller's stream
        }
    }
}
