package com.webgrip.deploy.benchmarks;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.FileKey;
import com.webgrip.deploy.age.Identity;
import com.webgrip.deploy.age.Recipient;
import com.webgrip.deploy.age.Stanza;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wrapping and unwrapping one file key per recipient type: the cost a recipient adds to each
 * encrypted file (wrap) and an identity to each decrypted one (unwrap). X25519 is the baseline.
 * SSH keys are made with the JDK's key generators and read as PKCS#8, as age reads them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AgeKeyTypesBenchmark {

    @Param({"X25519", "mlkem768x25519", "ssh-ed25519", "ssh-rsa-2048"})
    public String type;

    private Recipient recipient;
    private Identity identity;
    private FileKey fileKey;
    private List<Stanza> stanzas;

    @Setup(Level.Trial)
    public void keys() throws Exception {
        SecureRandom random = new SecureRandom();
        identity = switch (type) {
            case "X25519" -> AgeKeys.generateX25519(random);
            case "mlkem768x25519" -> AgeKeys.generatePostQuantum(random);
            case "ssh-ed25519" -> pkcs8("Ed25519", 0);
            case "ssh-rsa-2048" -> pkcs8("RSA", 2048);
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
        recipient = AgeKeys.recipientOf(identity);
        byte[] key = new byte[FileKey.LENGTH];
        random.nextBytes(key);
        fileKey = FileKey.of(key);
        stanzas = recipient.wrap(fileKey);
    }

    private static Identity pkcs8(String algorithm, int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (bits > 0) {
            generator.initialize(bits);
        }
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
        return AgeKeys.parseIdentities(pem, algorithm + " key").get(0);
    }

    /** One recipient stanza: what encrypting a file to this recipient costs beyond the payload. */
    @Benchmark
    public List<Stanza> wrap() throws Exception {
        return recipient.wrap(fileKey);
    }

    /** Finding and opening the stanza: what decrypting with this identity costs beyond the payload. */
    @Benchmark
    public Optional<FileKey> unwrap() throws Exception {
        return identity.unwrap(stanzas);
    }
}
