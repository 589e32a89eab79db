package com.webgrip.deploy.core.platform;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.Identity;
import com.webgrip.deploy.sops.Credentials;
import com.webgrip.deploy.sops.Sops;
import com.webgrip.deploy.sops.SopsDecryptor;
import com.webgrip.deploy.sops.store.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link SecretDecryptor}s backed by this project's own SOPS and age: no {@code sops} binary, no
 * plaintext on disk.
 */
public final class SopsSecrets {
    private SopsSecrets() {}

    /** Decrypts with these age identities, verifying every MAC. */
    public static SecretDecryptor withIdentities(List<? extends Identity> identities) {
        SopsDecryptor decryptor = Sops.decryptor()
                .credentials(Credentials.builder()
                        .ageIdentities(List.copyOf(identities))
                        .build())
                .build();
        return (file, encrypted) -> decryptor
                .decrypt(encrypted, Format.forPath(file), file.toString())
                .toJava();
    }

    /** Decrypts with the identities of an age identity file (as {@code age-keygen} writes). */
    public static SecretDecryptor withIdentityFile(Path file) throws IOException {
        return withIdentities(AgeKeys.readIdentitiesFile(Objects.requireNonNull(file, "identity file required")));
    }

    /**
     * Decrypts with the identities sops would take from these environment variables: {@code
     * SOPS_AGE_KEY} (identities inline) and {@code SOPS_AGE_KEY_FILE} (a file of them). The map is
     * passed in, so that tests never read the real environment.
     *
     * @return the decryptor, or empty when neither variable is set
     */
    public static java.util.Optional<SecretDecryptor> fromEnvironment(Map<String, String> environment)
            throws IOException {
        List<Identity> identities = new ArrayList<>();
        String inline = environment.get("SOPS_AGE_KEY");
        if (inline != null && !inline.isBlank()) {
            identities.addAll(AgeKeys.parseIdentities(inline, "SOPS_AGE_KEY"));
        }
        String file = environment.get("SOPS_AGE_KEY_FILE");
        if (file != null && !file.isBlank()) {
            identities.addAll(AgeKeys.readIdentitiesFile(Path.of(file)));
        }
        return identities.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(withIdentities(identities));
    }
}
