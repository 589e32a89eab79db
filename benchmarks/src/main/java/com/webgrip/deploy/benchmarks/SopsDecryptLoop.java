package com.webgrip.deploy.benchmarks;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.age.Identity;
import com.webgrip.deploy.sops.Credentials;
import com.webgrip.deploy.sops.Sops;
import com.webgrip.deploy.sops.SopsDecryptor;
import com.webgrip.deploy.sops.store.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * For {@code scripts/sops-vs-sops-age.sh}: {@code generate N FILE KEYFILE} writes an encrypted YAML
 * file and its age key; {@code decrypt FILE KEYFILE WARMUP RUNS} decrypts it in a loop and prints
 * the mean wall milliseconds per decrypt of the measured runs, the first (cold) decrypt's time, and
 * the CPU milliseconds of the decrypting thread per measured decrypt.
 */
public final class SopsDecryptLoop {
    private SopsDecryptLoop() {}

    public static void main(String[] args) throws IOException {
        if (args.length >= 4 && args[0].equals("generate")) {
            AgeSecretKey key = AgeKeys.generateX25519(new SecureRandom());
            Files.write(Path.of(args[2]), SopsSamples.encryptedYaml(Integer.parseInt(args[1]), key));
            char[] secret = key.encodedSecret();
            Files.writeString(Path.of(args[3]), new String(secret) + "\n", StandardCharsets.US_ASCII);
            return;
        }
        if (args.length >= 5 && args[0].equals("decrypt")) {
            byte[] file = Files.readAllBytes(Path.of(args[1]));
            List<Identity> identities = AgeKeys.readIdentitiesFile(Path.of(args[2]));
            SopsDecryptor decryptor = Sops.decryptor()
                    .credentials(Credentials.builder().ageIdentities(identities).build())
                    .build();
            int warmup = Integer.parseInt(args[3]);
            int runs = Integer.parseInt(args[4]);
            long coldStart = System.nanoTime();
            decryptor.decrypt(file, Format.YAML, args[1]);
            double coldMs = (System.nanoTime() - coldStart) / 1e6;
            for (int i = 0; i < warmup; i++) {
                decryptor.decrypt(file, Format.YAML, args[1]);
            }
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                decryptor.decrypt(file, Format.YAML, args[1]);
            }
            double meanMs = (System.nanoTime() - start) / 1e6 / runs;
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / runs;
            // wall-clock mean, cold first decrypt, and this thread's CPU time per decrypt (less
            // sensitive to a loaded machine than wall time; excludes JIT and GC threads)
            System.out.printf("%.3f %.3f %.3f%n", meanMs, coldMs, cpuMs);
            return;
        }
        System.err.println("usage: generate N FILE KEYFILE | decrypt FILE KEYFILE WARMUP RUNS");
        System.exit(2);
    }
}
