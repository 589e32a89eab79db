package com.webgrip.deploy.age;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;

/**
 * An identities file that is itself an age file encrypted with a passphrase ({@code age -p},
 * binary or armored), as Go age reads it with {@code -i}. Its passphrase is asked through the
 * {@link AgeUi} the first time its identities are needed (to open a file, or to list their
 * recipients), then the identities inside are used in order.
 */
final class EncryptedIdentitiesFile implements Identity, Destroyable {
    private static final String BINARY_START = "age-encryption.org/";
    private static final String ARMORED_START = ArmorInputStream.BEGIN;

    private final byte[] file;
    private final String source;
    private final AgeUi ui;
    private List<Identity> identities;
    private boolean destroyed;

    EncryptedIdentitiesFile(byte[] file, String source, AgeUi ui) {
        this.file = file.clone();
        this.source = source;
        this.ui = ui;
    }

    /** Whether {@code content} is an age file rather than identities in the clear. */
    static boolean looksEncrypted(byte[] content) {
        return startsWith(content, 0, BINARY_START) || startsWith(content, leadingWhitespace(content), ARMORED_START);
    }

    /** The identities inside, decrypted (asking for the passphrase) the first time. */
    synchronized List<Identity> identities() throws AgeException {
        if (destroyed) {
            throw new IllegalStateException("encrypted identities file was destroyed");
        }
        if (identities == null) {
            identities = decrypt();
        }
        return identities;
    }

    @Override
    public Optional<FileKey> unwrap(List<Stanza> stanzas) throws AgeException {
        for (Identity identity : identities()) {
            Optional<FileKey> fileKey = identity.unwrap(stanzas);
            if (fileKey.isPresent()) {
                return fileKey;
            }
        }
        ui.warn(source, "the encrypted identities file matched none of the file's recipients");
        return Optional.empty();
    }

    private List<Identity> decrypt() throws AgeException {
        char[] passphrase = ui.requestPassphrase(source, "Enter passphrase for identity file \"" + source + "\"")
                .orElseThrow(() -> new AgeKeyException(
                        source + ": the identities file is encrypted with a passphrase and no passphrase was given"));
        byte[] plaintext;
        try {
            plaintext = Age.decryptor()
                    .identity(new ScryptIdentity(passphrase, ScryptIdentity.DEFAULT_MAX_WORK_FACTOR))
                    .parallelism(1)
                    .build()
                    .decrypt(file);
        } catch (NoIdentityMatchedException e) {
            throw new AgeKeyException(
                    e.stanzaTypes().equals(List.of(Scrypt.TYPE))
                            ? source + ": incorrect passphrase for the encrypted identities file"
                            : source + ": the identities file is encrypted with age but not with a passphrase",
                    e);
        } catch (IOException e) { // only AgeExceptions: the input is in memory
            throw new AgeKeyException(source + ": cannot decrypt the encrypted identities file: " + e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        try {
            if (looksEncrypted(plaintext)) {
                throw new AgeKeyException(source + ": the encrypted identities file holds another age file;"
                        + " expected identities, one per line");
            }
            return IdentitiesFile.parse(utf8(plaintext), source, ui);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private String utf8(byte[] plaintext) throws AgeKeyException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plaintext))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AgeKeyException(source + ": the decrypted identities file is not valid UTF-8", e);
        }
    }

    @Override
    public String typeName() {
        return "passphrase-encrypted identities file";
    }

    @Override
    public synchronized void destroy() throws DestroyFailedException {
        destroyed = true;
        Arrays.fill(file, (byte) 0);
        List<DestroyFailedException> failures = new ArrayList<>();
        for (Identity identity : identities == null ? List.<Identity>of() : identities) {
            if (identity instanceof Destroyable destroyable) {
                try {
                    destroyable.destroy();
                } catch (DestroyFailedException e) {
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            DestroyFailedException failure =
                    new DestroyFailedException("some identities inside could not be destroyed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "EncryptedIdentitiesFile[" + source + "]";
    }

    private static int leadingWhitespace(byte[] content) {
        int i = 0;
        while (i < content.length && i < ArmorInputStream.MAX_WHITESPACE && Character.isWhitespace(content[i])) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] content, int from, String prefix) {
        if (content.length - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (content[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
