package com.webgrip.deploy.sops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real-sops fixtures copied from the shared vectors into test resources. */
final class Fixtures {
    private Fixtures() {}

    static Path path(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/sops/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource sops/" + relative, e);
        }
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PgpKeyring pgpTestKey() {
        try {
            return PgpKeyring.read(List.of(path("keys/sops_functional_tests_key.asc")));
        } catch (SopsException e) {
            throw new IllegalStateException(e);
        }
    }

    static SopsDecryptor pgpDecryptor() {
        return Sops.decryptor()
                .credentials(Credentials.builder().pgpKeys(pgpTestKey()).build())
                .build();
    }
}
