package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The values of a document to decrypt, listed in document order, decrypted in chunks (on the
 * common fork-join pool when there are many and more than one core), each chunk with its own
 * {@link ValueCipher.Decrypter}. A value's failure is kept, not thrown, so that the caller can
 * report the first one in document order whatever order the chunks ran in.
 */
final class LeafDecryption {
    /** Below this many values one thread is faster than handing chunks out. */
    static final int PARALLEL_THRESHOLD = 2_048;

    private static final int MIN_CHUNK = 512;

    private final String source;
    private final boolean keepIvs;
    private final List<String> texts = new ArrayList<>();
    private final List<String> aads = new ArrayList<>();
    private ValueCipher.Opened[] results = new ValueCipher.Opened[0];
    private SopsException[] failures = new SopsException[0];
    private final List<SopsException> preset = new ArrayList<>();

    LeafDecryption(String source, boolean keepIvs) {
        this.source = source;
        this.keepIvs = keepIvs;
    }

    /** Adds a value (or a comment's text) to decrypt with its authenticated data. */
    void add(String text, String aad) {
        texts.add(text);
        aads.add(aad);
        preset.add(null);
    }

    /** Adds a leaf that fails without decryption (a value in clear where the rule wants it encrypted). */
    void fail(SopsException failure) {
        texts.add(null);
        aads.add(null);
        preset.add(failure);
    }

    int size() {
        return texts.size();
    }

    /** Decrypts every listed value. */
    void run(ValueCipher cipher, boolean parallel) {
        int n = texts.size();
        results = new ValueCipher.Opened[n];
        failures = preset.toArray(new SopsException[0]);
        int workers = Runtime.getRuntime().availableProcessors();
        if (!parallel || n < PARALLEL_THRESHOLD || workers < 2) {
            decryptRange(cipher.decrypter(), 0, n);
            return;
        }
        int chunk = Math.max(MIN_CHUNK, n / (workers * 4));
        int chunks = (n + chunk - 1) / chunk;
        IntStream.range(0, chunks)
                .parallel()
                .forEach(c -> decryptRange(cipher.decrypter(), c * chunk, Math.min(n, (c + 1) * chunk)));
    }

    private void decryptRange(ValueCipher.Decrypter decrypter, int from, int to) {
        for (int i = from; i < to; i++) {
            if (failures[i] != null) {
                continue;
            }
            String aad = aads.get(i);
            try {
                results[i] = decrypter.open(texts.get(i), aad.getBytes(StandardCharsets.UTF_8), aad, source, keepIvs);
            } catch (SopsException e) {
                failures[i] = e;
            }
        }
    }

    /** The failure of a value, or null. */
    SopsException failure(int index) {
        return failures[index];
    }

    /** The authenticated data a value was listed with. */
    String aad(int index) {
        return aads.get(index);
    }

    /** The decrypted value (when it did not fail). */
    Node value(int index) {
        return results[index].value();
    }

    /** The decrypted value with its stash data (when it did not fail). */
    ValueCipher.Opened opened(int index) {
        return results[index];
    }
}
