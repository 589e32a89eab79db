package com.webgrip.deploy.benchmarks;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ceiling our age pipeline is measured against: the JDK's ChaCha20-Poly1305 alone, one 64 KiB
 * age chunk per operation, {@code init} with a fresh nonce then {@code doFinal}, as STREAM needs.
 * No I/O, no age framing. Bytes per second = operations per second x 65,536 (the plaintext).
 *
 * <p>Each benchmark thread has its own cipher and buffers ({@code Scope.Thread}), so running with
 * {@code -t 2} gives the two-core ceiling.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChaChaCeilingBenchmark {
    static final int CHUNK = 64 * 1024;
    /** Distinct chunks to open in turn (4 MiB), so the nonces differ as in a real payload. */
    static final int CHUNKS = 64;

    private final SecretKeySpec key = new SecretKeySpec(new byte[32], "ChaCha20");
    private Cipher cipher;
    private byte[] plaintext;
    private byte[][] sealed;
    private byte[] out;
    private ByteBuffer directIn;
    private ByteBuffer directOut;
    private long counter;

    @Setup
    public void setUp() throws GeneralSecurityException {
        cipher = Cipher.getInstance("ChaCha20-Poly1305");
        plaintext = new byte[CHUNK];
        new Random(7).nextBytes(plaintext);
        sealed = new byte[CHUNKS][];
        for (int i = 0; i < CHUNKS; i++) {
            cipher.init(Cipher.ENCRYPT_MODE, key, nonce(i));
            sealed[i] = cipher.doFinal(plaintext);
        }
        out = new byte[CHUNK + 16];
        directIn = ByteBuffer.allocateDirect(CHUNK + 16);
        directOut = ByteBuffer.allocateDirect(CHUNK + 16);
        counter = CHUNKS;
    }

    private static IvParameterSpec nonce(long counter) {
        byte[] nonce = new byte[12];
        for (int i = 0; i < 8; i++) {
            nonce[3 + i] = (byte) (counter >>> (56 - 8 * i));
        }
        return new IvParameterSpec(nonce);
    }

    /** Encrypts one chunk from a byte array into a byte array. */
    @Benchmark
    public int sealArray() throws GeneralSecurityException {
        cipher.init(Cipher.ENCRYPT_MODE, key, nonce(counter++));
        return cipher.doFinal(plaintext, 0, CHUNK, out, 0);
    }

    /** Decrypts and authenticates one chunk from a byte array into a byte array. */
    @Benchmark
    public int openArray() throws GeneralSecurityException {
        int i = (int) (counter++ % CHUNKS);
        cipher.init(Cipher.DECRYPT_MODE, key, nonce(i));
        return cipher.doFinal(sealed[i], 0, CHUNK + 16, out, 0);
    }

    /** Decrypts one chunk between direct buffers (what a FileChannel reader would hand over). */
    @Benchmark
    public int openDirect() throws GeneralSecurityException {
        int i = (int) (counter++ % CHUNKS);
        directIn.clear().put(sealed[i]).flip();
        directOut.clear();
        cipher.init(Cipher.DECRYPT_MODE, key, nonce(i));
        return cipher.doFinal(directIn, directOut);
    }
}
