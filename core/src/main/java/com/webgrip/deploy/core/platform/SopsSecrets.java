package com.webgrip.deploy.core.platform;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.Identity;
import com.webgrip.deploy.sops.Credentials;
import com.webgrip.deploy.sops.Sops;
import com.webgrip.deploy.sops.SopsDecryptor;
import com.webgrip.deploy.sops.SopsEnvironment;
import com.webgrip.deploy.sops.store.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SecretDecryptor}s backed by this project's own SOPS and age: no {@code sops} binary, no
 * plaintext on disk.
 */
public final class SopsSecrets {
    private SopsSecrets() {}

    /** Decrypts with these age identities, verifying every MAC. */
    public static SecretDecryptor withIdentities(List<? extends Identity> identities) {
        return withCredentials(
                Credentials.builder().ageIdentities(List.copyOf(identities)).build());
    }

    /** Decrypts with the identities of an age identity file (as {@code age-keygen} writes). */
    public static SecretDecryptor withIdentityFile(Path file) throws IOException {
        return withIdentities(AgeKeys.readIdentitiesFile(Objects.requireNonNull(file, "identity file required")));
    }

    /** Decrypts with these credentials (age identities and PGP keys), verifying every MAC. */
    public static SecretDecryptor withCredentials(Credentials credentials) {
        SopsDecryptor decryptor = Sops.decryptor()
                .credentials(Objects.requireNonNull(credentials, "credentials required"))
                .build();
        return (file, encrypted) -> decryptor
                .decrypt(encrypted, Format.forPath(file), file.toString())
                .toJava();
    }

    /**
     * Decrypts with every key sops itself would find in this environment ({@link SopsEnvironment}): {@code
     * SOPS_AGE_KEY}, {@code SOPS_AGE_KEY_FILE}, {@code SOPS_AGE_KEY_CMD}, {@code SOPS_AGE_SSH_PRIVATE_KEY_FILE}, the
     * SSH keys in {@code ~/.ssh}, the OS's default {@code sops/age/keys.txt}, and PGP keys. Pass {@link
     * SopsEnvironment#of} in tests, so that they never read the real environment.
     *
     * @param environment the variables, home folder and OS to look in
     * @return the decryptor, or empty when no source holds a key
     * @throws IOException when no key was found but some source failed (a missing key file, a failing key
     *     command): the message lists what failed, never a secret
     */
    public static Optional<SecretDecryptor> fromEnvironment(SopsEnvironment environment) throws IOException {
        SopsEnvironment.Found found = environment.credentials();
        Credentials credentials = found.credentials();
        if (credentials.ageIdentities().isEmpty() && credentials.pgpKeys().isEmpty()) {
            if (!found.problems().isEmpty()) {
                throw new IOException("no SOPS key could be read: " + String.join("; ", found.problems()));
            }
            return Optional.empty();
        }
        return Optional.of(withCredentials(credentials));
    }
}
