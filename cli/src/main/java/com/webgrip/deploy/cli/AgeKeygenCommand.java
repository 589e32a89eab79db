package com.webgrip.deploy.cli;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.age.Identity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import javax.security.auth.DestroyFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code webgrip-deploy age-keygen}: age-keygen(1) over the pure-Java age. */
@Command(
        name = "age-keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Generates an age key pair, or (-y) prints the public keys of an identities file.",
            "Writes -o OUTPUT (never over an existing file) or standard output."
        })
final class AgeKeygenCommand implements Callable<Integer> {
    /** Go's time.RFC3339 at second precision: {@code Z} for UTC, else {@code +hh:mm}. */
    static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final CliContext context;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUTPUT",
            description = "Write the key here; refuses an existing file.")
    Path output;

    @Option(names = "-y", description = "Print the public key of each identity in INPUT (default standard input).")
    boolean convert;

    @Option(
            names = {"-pq", "--pq"},
            description = "Generate a post-quantum (ML-KEM-768 + X25519) key pair.")
    boolean postQuantum;

    @Parameters(arity = "0..1", paramLabel = "INPUT", description = "With -y: the identities file.")
    Path input;

    AgeKeygenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (convert) {
            return convert();
        }
        if (input != null) {
            throw new IllegalArgumentException("INPUT is only used with -y");
        }
        AgeSecretKey key =
                postQuantum ? AgeKeys.generatePostQuantum(context.random()) : AgeKeys.generateX25519(context.random());
        String publicKey = key.publicKey().encoded();
        char[] secret = key.encodedSecret();
        String created = OffsetDateTime.now(context.clock())
                .truncatedTo(ChronoUnit.SECONDS)
                .format(RFC_3339);
        byte[] text = keyFile(created, publicKey, secret);
        try {
            if (output == null) {
                context.stdout().write(text);
                context.stdout().flush();
            } else {
                try (OutputFiles.Pending pending = OutputFiles.creatingNew(output)) {
                    try (OutputStream out = pending.stream()) {
                        out.write(text);
                    }
                    pending.commit();
                }
            }
        } finally {
            Arrays.fill(text, (byte) 0);
            Arrays.fill(secret, '\0');
            destroy(key);
        }
        if (output != null || System.console() == null) {
            // As age-keygen: when the key does not go to a terminal, show the public key there.
            context.stderr().println("Public key: " + publicKey);
        }
        return 0;
    }

    private int convert() throws IOException {
        List<Identity> identities;
        if (input == null || input.toString().equals("-")) {
            String content = new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8);
            identities = AgeKeys.parseIdentities(content, "standard input");
        } else {
            identities = AgeKeys.readIdentitiesFile(input);
        }
        StringBuilder lines = new StringBuilder();
        for (Identity identity : identities) {
            lines.append(AgeKeys.publicKeyOf(identity).encoded()).append('\n');
        }
        byte[] text = lines.toString().getBytes(StandardCharsets.US_ASCII);
        if (output == null) {
            context.stdout().write(text);
            context.stdout().flush();
        } else {
            try (OutputFiles.Pending pending = OutputFiles.creatingNew(output)) {
                try (OutputStream out = pending.stream()) {
                    out.write(text);
                }
                pending.commit();
            }
        }
        return 0;
    }

    /** The file age-keygen writes, built in a byte array that is zeroed after use. */
    private static byte[] keyFile(String created, String publicKey, char[] secret) {
        byte[] head =
                ("# created: " + created + "\n# public key: " + publicKey + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + secret.length + 1);
        for (int i = 0; i < secret.length; i++) {
            out[head.length + i] = (byte) secret[i];
        }
        out[out.length - 1] = '\n';
        return out;
    }

    private static void destroy(AgeSecretKey key) {
        try {
            key.destroy();
        } catch (DestroyFailedException e) {
            // The key type keeps no secret it could zero; nothing more to do.
        }
    }
}
