package com.webgrip.deploy.core.platform;

import com.webgrip.deploy.core.plan.SecretValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SOPS file in a plan: its digest when planned, its shape without a key, and its values through a
 * {@link SecretDecryptor} once the step runs, refusing a file that changed since the plan was made.
 */
final class SopsSecretValues implements SecretValues {
    private static final Pattern ENCRYPTED =
            Pattern.compile("ENC\\[AES256_GCM,data:[^,]*,iv:[^,]*,tag:[^,]*,type:(\\w+)]");

    private final Path file;
    private final String fingerprint;
    private final SecretDecryptor decryptor;

    private SopsSecretValues(Path file, String fingerprint, SecretDecryptor decryptor) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.decryptor = decryptor;
    }

    static SopsSecretValues of(Path file, SecretDecryptor decryptor) throws PlatformException {
        try {
            return new SopsSecretValues(file, digest(Files.readAllBytes(file)), decryptor);
        } catch (IOException e) {
            throw new PlatformException(
                    file, 0, "cannot read secrets file: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Map<String, Object> masked() throws IOException {
        YamlTree tree = YamlTree.read(file);
        Map<String, Object> root = new LinkedHashMap<>(tree.rootMap());
        if (!(root.remove("sops") instanceof Map<?, ?>)) {
            throw new PlatformException(file, 1, "expected a SOPS file with a top-level 'sops' section, found none");
        }
        return mask(root);
    }

    @Override
    public Map<String, Object> decrypt() throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            if (!MessageDigest.isEqual(
                    digest(bytes).getBytes(StandardCharsets.US_ASCII),
                    fingerprint.getBytes(StandardCharsets.US_ASCII))) {
                throw new PlatformException(file, 0, "the file changed since the plan was made; make a new plan");
            }
            return decryptor.decrypt(file, bytes);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "SopsSecretValues[" + file + ", " + fingerprint + "]";
    }

    @SuppressWarnings("unchecked") // YAML mappings are read as Map<String, Object>
    private static Map<String, Object> mask(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(key, maskValue(value)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object maskValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return mask((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(maskValue(item)));
            return out;
        }
        if (value instanceof String text) {
            Matcher m = ENCRYPTED.matcher(text);
            if (m.matches()) {
                return switch (m.group(1)) {
                    case "int" -> 0;
                    case "float" -> 0.0;
                    case "bool" -> false;
                    default -> "(secret)";
                };
            }
        }
        return value;
    }

    static String digest(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
