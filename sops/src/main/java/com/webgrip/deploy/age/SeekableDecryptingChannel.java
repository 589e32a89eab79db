package com.webgrip.deploy.age;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import java.util.List;

/**
 * Random access to the plaintext of a binary age file: chunk {@code i} sits at a fixed offset, so
 * a read decrypts only the chunks it touches. One decrypted chunk is cached.
 */
final class SeekableDecryptingChannel implements SeekableByteChannel {
    private final SeekableByteChannel source;
    private final ChunkCipher cipher;
    private final byte[] encrypted = new byte[Payload.ENCRYPTED_CHUNK_SIZE];
    private final byte[] plaintext = new byte[Payload.CHUNK_SIZE];
    private int plaintextLength;
    private final long payloadStart;
    private final long chunkCount;
    private final long size;
    private long position;
    private long cachedChunk = -1;
    private boolean open = true;

    private SeekableDecryptingChannel(
            SeekableByteChannel source, ChunkCipher cipher, long payloadStart, long chunkCount, long size) {
        this.source = source;
        this.cipher = cipher;
        this.payloadStart = payloadStart;
        this.chunkCount = chunkCount;
        this.size = size;
    }

    static SeekableDecryptingChannel open(SeekableByteChannel source, List<Identity> identities, ChaChaPoly aead)
            throws IOException {
        source.position(0);
        InputStream in = new BufferedInputStream(Channels.newInputStream(source), 4096);
        Header header = HeaderParser.parse(in);
        byte[] fileKey = FileKeys.unwrap(header, identities);
        byte[] payloadKey = null;
        try {
            byte[] nonce = new byte[Payload.NONCE_LENGTH];
            readFully(source, ByteBuffer.wrap(nonce), header.size());
            payloadKey = Payload.key(fileKey, nonce);
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
        long payloadStart = (long) header.size() + Payload.NONCE_LENGTH;
        long encrypted = source.size() - payloadStart;
        long plaintext = Payload.plaintextSize(encrypted);
        if (plaintext < 0) {
            X25519Identity.zero(payloadKey);
            throw new AgePayloadException(
                    "the payload has " + encrypted + " bytes, which no sequence of chunks has (truncated or extended)");
        }
        long chunks = Math.max(1, (encrypted + Payload.ENCRYPTED_CHUNK_SIZE - 1) / Payload.ENCRYPTED_CHUNK_SIZE);
        ChunkCipher cipher = new ChunkCipher(aead, ChunkCipher.keySpec(payloadKey));
        X25519Identity.zero(payloadKey);
        SeekableDecryptingChannel channel =
                new SeekableDecryptingChannel(source, cipher, payloadStart, chunks, plaintext);
        channel.load(chunks - 1); // authenticates the final chunk, and so the size
        return channel;
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        checkOpen();
        if (position >= size) {
            return -1;
        }
        int total = 0;
        while (destination.hasRemaining() && position < size) {
            long chunk = position / Payload.CHUNK_SIZE;
            load(chunk);
            int offset = (int) (position % Payload.CHUNK_SIZE);
            int n = Math.min(destination.remaining(), plaintextLength - offset);
            destination.put(plaintext, offset, n);
            position += n;
            total += n;
        }
        return total;
    }

    private void load(long chunk) throws IOException {
        if (chunk == cachedChunk) {
            return;
        }
        cachedChunk = -1;
        boolean last = chunk == chunkCount - 1;
        long offset = payloadStart + chunk * Payload.ENCRYPTED_CHUNK_SIZE;
        int length = (int) Math.min(Payload.ENCRYPTED_CHUNK_SIZE, source.size() - offset);
        readFully(source, ByteBuffer.wrap(encrypted, 0, length), offset);
        plaintextLength = cipher.open(chunk, last, encrypted, 0, length, plaintext, 0);
        if (plaintextLength < 0) {
            throw new AgePayloadException("age payload chunk " + chunk + " does not authenticate");
        }
        if (last && chunk > 0 && plaintextLength == 0) {
            throw new AgePayloadException("age payload chunk " + chunk + ": the final chunk is empty");
        }
        cachedChunk = chunk;
    }

    private static void readFully(SeekableByteChannel source, ByteBuffer buffer, long offset) throws IOException {
        source.position(offset);
        while (buffer.hasRemaining()) {
            if (source.read(buffer) < 0) {
                throw new AgeHeaderException("the file ends inside its payload nonce or a chunk");
            }
        }
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        checkOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        checkOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("position is " + newPosition + "; expected at least 0");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        checkOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            Arrays.fill(plaintext, (byte) 0);
            source.close();
        }
    }

    private void checkOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
