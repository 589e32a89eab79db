package com.webgrip.deploy.core.plan;

import java.nio.file.Path;
import java.util.Map;

/** Secret values held in memory for plan tests; the masked form hides the strings. */
record FakeSecret(Path file, String fingerprint, Map<String, Object> plaintext) implements SecretValues {
    @Override
    public Map<String, Object> masked() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        plaintext.forEach((key, value) -> out.put(key, "(secret)"));
        return out;
    }

    @Override
    public Map<String, Object> decrypt() {
        return plaintext;
    }

    @Override
    public String toString() {
        return "FakeSecret[" + file + "]";
    }
}
