package com.webgrip.deploy.core.check;

import com.webgrip.deploy.core.platform.ChartEntry;
import com.webgrip.deploy.core.platform.Environment;
import com.webgrip.deploy.core.platform.PlatformException;
import com.webgrip.deploy.core.platform.YamlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every SOPS file is a SOPS file, is encrypted for exactly the age recipients of the environments
 * that read it ({@code values.sops.yaml}: all of them; {@code ENV.sops.yaml}: that one), and, when
 * keys are given, opens with a valid MAC (the plaintext is dropped at once).
 */
final class SopsFilesCheck implements Check {
    @Override
    public String id() {
        return "sops";
    }

    @Override
    public String description() {
        return "SOPS files are MAC-valid and encrypted for exactly the recipients of the environments reading them";
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        List<Finding> findings = new ArrayList<>();
        Map<String, Environment> environments = context.platform().environments();
        boolean anyRecipients =
                environments.values().stream().anyMatch(e -> !e.recipients().isEmpty());
        int files = 0;
        for (ChartEntry chart : context.platform().charts()) {
            if (chart.sharedSecrets().isPresent()) {
                files++;
                check(context, chart.sharedSecrets().get(), environments.values(), anyRecipients, findings);
            }
            for (Map.Entry<String, Path> e : chart.environmentSecrets().entrySet()) {
                files++;
                check(context, e.getValue(), List.of(environments.get(e.getKey())), anyRecipients, findings);
            }
        }
        if (files > 0 && !anyRecipients) {
            findings.add(Finding.of(
                    Severity.INFO,
                    id(),
                    null,
                    0,
                    "no environment lists recipients, so the recipients of SOPS files were not compared",
                    "list each environment's age recipients in environments.yaml"));
        }
        if (files > 0 && context.decryptor().isEmpty()) {
            findings.add(Finding.of(
                    Severity.INFO,
                    id(),
                    null,
                    0,
                    "no age identity was given, so the MACs of SOPS files were not verified",
                    "give an identity (SOPS_AGE_KEY_FILE) to verify them"));
        }
        return findings;
    }

    private void check(
            CheckContext context, Path file, Collection<Environment> readers, boolean compare, List<Finding> findings)
            throws IOException {
        YamlTree tree;
        try {
            tree = YamlTree.read(file);
        } catch (PlatformException e) {
            findings.add(Finding.of(
                    Severity.ERROR, id(), file, e.line(), "not readable as YAML", "re-encrypt it with sops"));
            return;
        }
        Map<String, Object> root = tree.rootMap();
        if (!(root.get("sops") instanceof Map<?, ?> sops) || !(sops.get("mac") instanceof String)) {
            findings.add(Finding.of(
                    Severity.ERROR,
                    id(),
                    file,
                    1,
                    "not a SOPS file: no sops section with a mac",
                    "encrypt it with sops (or webgrip-deploy sops -e)"));
            return;
        }
        if (compare) {
            Set<String> expected = new TreeSet<>();
            readers.forEach(env -> expected.addAll(env.recipients()));
            Set<String> found = recipients(sops);
            int line = tree.lineOrParent("sops.age");
            for (String missing : difference(expected, found)) {
                findings.add(Finding.of(
                        Severity.ERROR,
                        id(),
                        file,
                        line,
                        "not encrypted for " + missing + ", which an environment reading this file lists",
                        "run sops updatekeys on the file"));
            }
            for (String extra : difference(found, expected)) {
                findings.add(Finding.of(
                        Severity.ERROR,
                        id(),
                        file,
                        line,
                        "also encrypted for " + extra + ", which no environment reading this file lists",
                        "run sops updatekeys on the file"));
            }
        }
        if (context.decryptor().isPresent()) {
            byte[] bytes = Files.readAllBytes(file);
            try {
                // Only whether the file opens matters. The tree is unmodifiable and cannot be scrubbed: it is dropped
                // at once, and its strings live until the collector takes them.
                var unused = context.decryptor().get().decrypt(file, bytes);
            } catch (GeneralSecurityException | IOException e) {
                findings.add(Finding.of(
                        Severity.ERROR,
                        id(),
                        file,
                        tree.lineOrParent("sops.mac"),
                        "does not open with a valid MAC: " + e.getMessage(),
                        "check the identity, or re-encrypt the file if it was edited by hand"));
            } finally {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    private static Set<String> recipients(Map<?, ?> sops) {
        Set<String> out = new TreeSet<>();
        addAge(sops.get("age"), out);
        if (sops.get("key_groups") instanceof List<?> groups) {
            for (Object group : groups) {
                if (group instanceof Map<?, ?> g) {
                    addAge(g.get("age"), out);
                }
            }
        }
        return out;
    }

    private static void addAge(Object list, Set<String> out) {
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> e && e.get("recipient") instanceof String recipient) {
                    out.add(recipient.strip());
                }
            }
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
