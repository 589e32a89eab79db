package com.webgrip.deploy.benchmarks;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.sops.Credentials;
import com.webgrip.deploy.sops.KeyRecipient;
import com.webgrip.deploy.sops.Sops;
import com.webgrip.deploy.sops.SopsDecryptor;
import com.webgrip.deploy.sops.SopsDocument;
import com.webgrip.deploy.sops.SopsEncryptor;
import com.webgrip.deploy.sops.SopsException;
import com.webgrip.deploy.sops.store.Format;
import java.security.SecureRandom;
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

/** In-process decrypt and encrypt of a generated YAML file of 10,000 and 100,000 values (one age recipient). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SopsBenchmark {
    @Param({"10000", "100000"})
    int values;

    private byte[] plain;
    private byte[] encrypted;
    private SopsDecryptor decryptor;
    private SopsEncryptor encryptor;

    @Setup
    public void setUp() throws SopsException {
        AgeSecretKey key = AgeKeys.generateX25519(new SecureRandom());
        plain = SopsSamples.plainYaml(values, 42);
        encrypted = SopsSamples.encryptedYaml(values, key);
        decryptor = Sops.decryptor()
                .credentials(Credentials.builder().ageIdentity(key).build())
                .build();
        encryptor = Sops.encryptor()
                .recipients(KeyRecipient.age(key.publicKey().encoded()))
                .build();
    }

    /** Parse, unwrap the data key, decrypt every value, verify the MAC. */
    @Benchmark
    public SopsDocument decrypt() throws SopsException {
        return decryptor.decrypt(encrypted, Format.YAML, "bench.yaml");
    }

    /** Parse, new data key, wrap it, encrypt every value, MAC, write YAML. */
    @Benchmark
    public byte[] encrypt() throws SopsException {
        return encryptor.encrypt(plain, Format.YAML, "bench.yaml");
    }
}
