package com.webgrip.deploy.benchmarks;

import com.webgrip.deploy.age.Age;
import com.webgrip.deploy.age.AgeDecryptor;
import com.webgrip.deploy.age.AgeEncryptor;
import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process age encryption and decryption of a 256 MiB payload (X25519, binary), memory to a
 * null sink. Throughput in MB/s = 256 MiB / the reported seconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 4)
public class AgeThroughputBenchmark {
    @Param({"268435456"})
    int size;

    @Param({"1", "2"})
    int parallelism;

    private byte[] plaintext;
    private byte[] ciphertext;
    private AgeEncryptor encryptor;
    private AgeDecryptor decryptor;

    @Setup
    public void setUp() throws IOException {
        plaintext = new byte[size];
        new Random(1).nextBytes(plaintext);
        AgeSecretKey key = AgeKeys.generateX25519(new SecureRandom());
        encryptor = Age.encryptor()
                .recipient(key.publicKey())
                .parallelism(parallelism)
                .build();
        decryptor = Age.decryptor().identity(key).parallelism(parallelism).build();
        ciphertext = encryptor.encrypt(plaintext);
    }

    @Benchmark
    public void encrypt() throws IOException {
        try (OutputStream out = encryptor.encryptingStream(OutputStream.nullOutputStream())) {
            out.write(plaintext);
        }
    }

    @Benchmark
    public long decrypt() throws IOException {
        try (InputStream in = decryptor.decryptingStream(new ByteArrayInputStream(ciphertext))) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
