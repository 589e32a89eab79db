package com.webgrip.deploy.sops;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.Identity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Finds credentials as the sops command does, from an environment map and a home folder that the
 * caller passes in (tests never touch the real ones; {@link #fromSystem()} reads the process's).
 * age identities come from every source together: {@code SOPS_AGE_SSH_PRIVATE_KEY_FILE},
 * {@code ~/.ssh/id_ed25519} and {@code ~/.ssh/id_rsa}, {@code SOPS_AGE_KEY},
 * {@code SOPS_AGE_KEY_FILE}, {@code SOPS_AGE_KEY_CMD} and the OS's default
 * {@code sops/age/keys.txt}; PGP keys from {@code SOPS_PGP_KEY_FILE} (ours: armored key files,
 * separated by the path separator) and the GnuPG home: {@code pubring.gpg}/{@code secring.gpg}, and the
 * 2.1+ keybox {@code pubring.kbx} with {@code private-keys-v1.d} (secret keys that need a passphrase
 * are left out here; {@link PgpKeyring#readGnupgHome} takes a passphrase callback).
 */
public final class SopsEnvironment {
    private final Map<String, String> env;
    private final Path home;
    private final String osName;
    private final Duration keyCommandTimeout;

    private SopsEnvironment(Map<String, String> env, Path home, String osName, Duration keyCommandTimeout) {
        this.env = Map.copyOf(env);
        this.home = Objects.requireNonNull(home, "home");
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.keyCommandTimeout = keyCommandTimeout;
    }

    /** An environment from explicit values. */
    public static SopsEnvironment of(Map<String, String> env, Path home, String osName) {
        return new SopsEnvironment(env, home, osName, KeyCommand.DEFAULT_TIMEOUT);
    }

    /**
     * This environment with another deadline for {@code SOPS_AGE_KEY_CMD} (default 60 s; sops has
     * none). A command still running then is killed with its descendants and reported as a problem.
     */
    public SopsEnvironment withKeyCommandTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("key command timeout " + timeout + " is not positive");
        }
        return new SopsEnvironment(env, home, osName, timeout);
    }

    /** The process's environment, home folder and OS. */
    public static SopsEnvironment fromSystem() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name", "linux"));
    }

    /** A variable, or empty. */
    public String get(String name) {
        String value = env.get(name);
        return value == null ? "" : value;
    }

    /** The default age keys file: {@code <user config dir>/sops/age/keys.txt}. */
    public Path defaultAgeKeysFile() {
        String xdg = get("XDG_CONFIG_HOME");
        Path configDir;
        if (osName.contains("win")) {
            configDir = get("AppData").isEmpty() ? home.resolve("AppData").resolve("Roaming") : Path.of(get("AppData"));
        } else if (!xdg.isEmpty()) {
            configDir = Path.of(xdg);
        } else if (osName.contains("mac") || osName.contains("darwin")) {
            configDir = home.resolve("Library").resolve("Application Support");
        } else {
            configDir = home.resolve(".config");
        }
        return configDir.resolve("sops").resolve("age").resolve("keys.txt");
    }

    /** The GnuPG home: {@code $GNUPGHOME}, else {@code ~/.gnupg}. */
    public Path gnupgHome() {
        String gnupg = get("GNUPGHOME");
        return gnupg.isEmpty() ? home.resolve(".gnupg") : Path.of(gnupg);
    }

    /** Credentials found as sops finds them, plus the problems met on the way (never secrets). */
    public record Found(Credentials credentials, List<String> problems) {}

    /** Gathers every age identity and PGP key the environment names. */
    public Found credentials() {
        List<String> problems = new ArrayList<>();
        Credentials.Builder builder = Credentials.builder().environment(env);
        List<Identity> identities = new ArrayList<>();
        String sshFile = get("SOPS_AGE_SSH_PRIVATE_KEY_FILE");
        if (!sshFile.isEmpty()) {
            readIdentities(Path.of(sshFile), "SOPS_AGE_SSH_PRIVATE_KEY_FILE", identities, problems, true);
        }
        for (String name : List.of("id_ed25519", "id_rsa")) {
            Path key = home.resolve(".ssh").resolve(name);
            if (Files.isRegularFile(key)) {
                readIdentities(key, "~/.ssh/" + name, identities, problems, false);
            }
        }
        String inline = get("SOPS_AGE_KEY");
        if (!inline.isEmpty()) {
            // several identities per line are allowed; # lines are comments
            StringBuilder lines = new StringBuilder();
            for (String line : inline.split("\\R", -1)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.append(String.join("\n", trimmed.split("\\s+"))).append('\n');
                }
            }
            parseIdentities(lines.toString(), "SOPS_AGE_KEY", identities, problems);
        }
        String keyFile = get("SOPS_AGE_KEY_FILE");
        if (!keyFile.isEmpty()) {
            readIdentities(Path.of(keyFile), "SOPS_AGE_KEY_FILE", identities, problems, true);
        }
        String command = get("SOPS_AGE_KEY_CMD");
        if (!command.isEmpty()) {
            runKeyCommand(command, identities, problems);
        }
        Path defaultFile = defaultAgeKeysFile();
        if (Files.isRegularFile(defaultFile)) {
            readIdentities(defaultFile, defaultFile.toString(), identities, problems, true);
        }
        identities.forEach(builder::ageIdentity);
        builder.pgpKeys(pgpKeys(problems));
        return new Found(builder.build(), List.copyOf(problems));
    }

    /** Recipients named by {@code SOPS_AGE_RECIPIENTS} and {@code SOPS_PGP_FP}, for encryption. */
    public List<KeyRecipient> recipients() {
        List<KeyRecipient> recipients = new ArrayList<>();
        for (String part : get("SOPS_PGP_FP").split(",", -1)) {
            if (!part.isBlank()) {
                recipients.add(KeyRecipient.pgp(part));
            }
        }
        for (String part : get("SOPS_AGE_RECIPIENTS").split(",", -1)) {
            if (!part.isBlank()) {
                recipients.add(KeyRecipient.age(part));
            }
        }
        return recipients;
    }

    private PgpKeyring pgpKeys(List<String> problems) {
        PgpKeyring keys = PgpKeyring.empty();
        String files = get("SOPS_PGP_KEY_FILE");
        if (!files.isEmpty()) {
            for (String file : files.split(java.io.File.pathSeparator, -1)) {
                if (file.isBlank()) {
                    continue;
                }
                try {
                    keys = keys.plus(PgpKeyring.read(List.of(Path.of(file))));
                } catch (SopsException e) {
                    problems.add("SOPS_PGP_KEY_FILE: " + e.getMessage());
                }
            }
        }
        Path gnupg = gnupgHome();
        for (String ring : List.of("pubring.gpg", "secring.gpg")) {
            Path file = gnupg.resolve(ring);
            try {
                if (Files.isRegularFile(file) && Files.size(file) > 0) {
                    keys = keys.plus(PgpKeyring.read(List.of(file)));
                }
            } catch (IOException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }
        if (Files.isRegularFile(gnupg.resolve("pubring.kbx"))) {
            try {
                // no passphrase prompt here: protected secret keys are left out (GnuPG's agent would ask)
                keys = keys.plus(PgpKeyring.readGnupgHome(gnupg, PgpKeyring.Passphrases.NONE));
            } catch (SopsException e) {
                problems.add(e.getMessage());
            }
        }
        return keys;
    }

    private static void readIdentities(
            Path file, String source, List<Identity> out, List<String> problems, boolean mustExist) {
        try {
            out.addAll(AgeKeys.readIdentitiesFile(file));
        } catch (IOException e) {
            if (mustExist || Files.exists(file)) {
                problems.add(source + " (" + file + "): " + e.getMessage());
            }
        }
    }

    private static void parseIdentities(String content, String source, List<Identity> out, List<String> problems) {
        try {
            out.addAll(AgeKeys.parseIdentities(content, source));
        } catch (IOException e) {
            problems.add(source + ": " + e.getMessage());
        }
    }

    private void runKeyCommand(String command, List<Identity> out, List<String> problems) {
        byte[] output;
        try {
            output = KeyCommand.run(command, env, keyCommandTimeout);
        } catch (KeyCommand.Failure e) {
            problems.add(e.getMessage());
            return;
        }
        try {
            parseIdentities(new String(output, StandardCharsets.UTF_8), "SOPS_AGE_KEY_CMD", out, problems);
        } finally {
            Arrays.fill(output, (byte) 0);
        }
    }
}
