package com.webgrip.deploy.benchmarks;

import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.sops.KeyRecipient;
import com.webgrip.deploy.sops.Sops;
import com.webgrip.deploy.sops.SopsException;
import com.webgrip.deploy.sops.store.Format;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Generated SOPS inputs for the benchmarks: YAML with a given number of string values. */
final class SopsSamples {
    private SopsSamples() {}

    /** YAML with {@code values} leaves: groups of 100 keys, each value a 24-character string. */
    static byte[] plainYaml(int values, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(values * 40);
        for (int i = 0; i < values; i++) {
            if (i % 100 == 0) {
                out.append("group_").append(i / 100).append(":\n");
            }
            out.append("    key_").append(i % 100).append(": ");
            for (int c = 0; c < 24; c++) {
                out.append((char) ('a' + random.nextInt(26)));
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The plaintext encrypted to one age recipient. */
    static byte[] encryptedYaml(int values, AgeSecretKey key) throws SopsException {
        return Sops.encryptor()
                .recipients(KeyRecipient.age(key.publicKey().encoded()))
                .build()
                .encrypt(plainYaml(values, 42), Format.YAML, "bench.yaml");
    }
}
