package com.webgrip.deploy.core.check;

import com.webgrip.deploy.core.platform.ChartEntry;
import com.webgrip.deploy.core.platform.YamlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * No secret in clear in plain values files ({@code values.yaml}, {@code values-ENV.yaml}, {@code
 * environments.yaml}): known token shapes (as gitleaks' rules), a secret-looking key with a literal
 * value, and high-entropy strings (as truffleHog: base64 above 4.5 bits per character, hex above
 * 3.0, at least 20 characters). Findings name the path and line, never the value.
 */
final class ClearTextSecretCheck implements Check {
    private static final Map<String, Pattern> TOKENS = Map.of(
            "an AWS access key id", Pattern.compile("\\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b"),
            "a GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\\b"),
            "a Slack token", Pattern.compile("\\bxox[baprs]-[0-9A-Za-z-]{10,}"),
            "a private key", Pattern.compile("-----BEGIN[ A-Z]*PRIVATE KEY-----"),
            "a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
            "a Stripe live key", Pattern.compile("\\b(?:sk|rk)_live_[0-9a-zA-Z]{24,}"),
            "a JSON web token",
                    Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
            "an age secret key", Pattern.compile("AGE-SECRET-KEY-1[0-9A-Z]{58}"));
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[_-]?key|apikey|private[_-]?key|credential|auth[_-]?key).*");
    /** Keys that name a secret elsewhere rather than hold one: passwordKey, existingSecret, secretName… */
    private static final Pattern REFERENCE_KEY = Pattern.compile(
            "(?i)^existing.*|.*(ref|name|file|path|secretkey|passwordkey|tokenkey|keyname)$|.*secretkeyref.*");

    private static final Pattern PLACEHOLDER =
            Pattern.compile("(?i)^(\\$\\{.*}|\\{\\{.*}}|<.*>|changeme|change-me|xxx+|\\*+)$");
    /** Public keys look random but are meant to be shared: age recipients, ssh public keys. */
    private static final Pattern PUBLIC_KEY = Pattern.compile("age1[02-9ac-hj-np-z]{20,}|ssh-(ed25519|rsa) \\S+.*");

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=_-]{20,}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{20,}");
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s\"'=:@,;]+");

    @Override
    public String id() {
        return "clear-text-secret";
    }

    @Override
    public String description() {
        return "no secret in clear in plain values files (token shapes, secret-looking keys, entropy)";
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        context.platform()
                .root()
                .map(root -> root.resolve("environments.yaml"))
                .filter(Files::isRegularFile)
                .ifPresent(files::add);
        for (ChartEntry chart : context.platform().charts()) {
            if (chart.directory().isEmpty()) {
                continue;
            }
            try (Stream<Path> list = Files.list(chart.directory().get())) {
                list.filter(p -> p.getFileName().toString().matches("values(-.+)?\\.yaml"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        for (Path file : files) {
            YamlTree tree = YamlTree.read(file);
            walk(tree, "", "", tree.root(), findings);
        }
        return findings;
    }

    private void walk(YamlTree tree, String path, String key, Object value, List<Finding> findings) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(tree, YamlTree.child(path, String.valueOf(k)), String.valueOf(k), v, findings));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(tree, path + "[" + i + "]", key, list.get(i), findings);
            }
        } else if (value instanceof String text) {
            String what = judge(key, text);
            if (what != null) {
                Severity severity = what.startsWith("a high-entropy") ? Severity.WARNING : Severity.ERROR;
                findings.add(Finding.of(
                        severity,
                        id(),
                        tree.file(),
                        tree.lineOrParent(path),
                        path + " holds what looks like " + what,
                        "move it to the chart's secrets/NNN-name/*.sops.yaml and rotate it"));
            }
        }
    }

    /** What the value looks like, or null when it looks harmless. */
    static String judge(String key, String value) {
        for (Map.Entry<String, Pattern> token : TOKENS.entrySet()) {
            if (token.getValue().matcher(value).find()) {
                return token.getKey();
            }
        }
        String trimmed = value.strip();
        if (PUBLIC_KEY.matcher(trimmed).matches()) {
            return null;
        }
        if (SECRET_KEY.matcher(key).matches()
                && !REFERENCE_KEY.matcher(key).matches()
                && trimmed.length() >= 8
                && !PLACEHOLDER.matcher(trimmed).matches()
                && !trimmed.contains(" ")
                && entropy(trimmed) >= 3.0) {
            return "a secret in key '" + key + "'";
        }
        if (key.toLowerCase(java.util.Locale.ROOT).contains("digest") || value.contains("sha256:")) {
            return null;
        }
        for (String word : WORD_BREAK.split(value, -1)) {
            if (HEX.matcher(word).matches() && entropy(word) > 3.0) {
                return "a high-entropy hex string";
            }
            if (BASE64.matcher(word).matches() && entropy(word) > 4.5) {
                return "a high-entropy base64 string";
            }
        }
        return null;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String text) {
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        text.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / text.length();
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }
}
