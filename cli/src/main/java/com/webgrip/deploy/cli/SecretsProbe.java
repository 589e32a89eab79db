package com.webgrip.deploy.cli;

import com.webgrip.deploy.core.platform.SecretDecryptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keys found the way sops finds them may belong to something else: a developer's {@code ~/.ssh/id_ed25519} is found
 * whatever the platform's secrets were encrypted to. Before a simulation, one secrets file is opened with them. When
 * they do not open it and the user named no key (no {@code SOPS_AGE_KEY*} variable), the simulation deploys
 * placeholders and says why; when the user named one, the run stops before it starts, naming the file.
 */
final class SecretsProbe {
    private static final Set<String> NAMED_KEYS =
            Set.of("SOPS_AGE_KEY", "SOPS_AGE_KEY_FILE", "SOPS_AGE_KEY_CMD", "SOPS_AGE_SSH_PRIVATE_KEY_FILE");

    private SecretsProbe() {}

    static Optional<SecretDecryptor> keysThatOpen(Path ops, Optional<SecretDecryptor> found, CliContext context)
            throws IOException {
        if (found.isEmpty()) {
            return found;
        }
        Optional<Path> sample = firstSecretsFile(ops);
        if (sample.isEmpty()) {
            return found;
        }
        try {
            found.get().decrypt(sample.get(), Files.readAllBytes(sample.get()));
            return found;
        } catch (GeneralSecurityException | IOException refused) {
            boolean named = NAMED_KEYS.stream().anyMatch(context.environment()::containsKey);
            if (named) {
                throw new IOException("the SOPS key named by the environment does not open " + sample.get() + ": "
                        + refused.getMessage());
            }
            context.stderr()
                    .println("webgrip-deploy: the keys found where sops looks (such as ~/.ssh) do not open "
                            + sample.get() + ", so they are not used (--identity FILE names a key)");
            return Optional.empty();
        }
    }

    private static Optional<Path> firstSecretsFile(Path ops) throws IOException {
        Path secrets = ops.resolve("secrets");
        if (!Files.isDirectory(secrets)) {
            return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(secrets)) {
            List<Path> files = walk.filter(f -> f.getFileName().toString().endsWith(".sops.yaml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
            return files.stream().findFirst();
        }
    }
}
