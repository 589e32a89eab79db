package com.webgrip.deploy.benchmarks;

import com.webgrip.deploy.age.Age;
import com.webgrip.deploy.age.AgeDecryptor;
import com.webgrip.deploy.age.AgeKeys;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
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

/** Opening a passphrase file with work factor 18 (what age writes): one scrypt plus a tiny payload. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 6)
public class ScryptBenchmark {
    private byte[] file;
    private AgeDecryptor decryptor;

    @Setup
    public void setUp() throws IOException {
        char[] passphrase = "correct horse battery staple".toCharArray();
        file = Age.encryptor()
                .recipient(AgeKeys.passphraseRecipient(passphrase, 18, new SecureRandom()))
                .build()
                .encrypt(new byte[100]);
        decryptor =
                Age.decryptor().identity(AgeKeys.passphraseIdentity(passphrase)).build();
    }

    @Benchmark
    public byte[] openWorkFactor18() throws IOException {
        return decryptor.decrypt(file);
    }
}
