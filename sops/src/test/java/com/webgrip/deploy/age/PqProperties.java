package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips and tamper detection for mlkem768x25519, and the tagged hybrid recipient. */
class PqProperties {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PqIdentity IDENTITY = PqIdentity.generate(RANDOM);
    private static final Recipient RECIPIENT = IDENTITY.publicKey();
    private static final byte[] TAG_SEED = new byte[32];
    private static final HybridKem.PrivateKey TAG_KEY;
    private static final TagRecipient TAG_RECIPIENT;

    static {
        RANDOM.nextBytes(TAG_SEED);
        TAG_KEY = HybridKem.MLKEM768_P256.privateKey(TAG_SEED);
        TAG_RECIPIENT = TagRecipient.hybrid(TAG_KEY.publicKey(), RANDOM);
    }

    @Property(tries = 30)
    void anyFileKeyRoundTrips(@ForAll @Size(16) byte[] key) throws Exception {
        FileKey fileKey = FileKey.of(key);
        assertThat(IDENTITY.unwrap(RECIPIENT.wrap(fileKey))).contains(fileKey);
    }

    @Property(tries = 60)
    void aFlippedBitInTheEncOrTheBodyNeverGivesAFileKey(@ForAll @IntRange(min = 0, max = 8 * (1120 + 32) - 1) int bit)
            throws Exception {
        Stanza stanza = RECIPIENT.wrap(FileKey.of(new byte[16])).get(0);
        byte[] enc = StrictBase64.decode(stanza.arguments().get(0));
        byte[] body = stanza.body();
        if (bit < 8 * enc.length) {
            enc[bit / 8] ^= (byte) (1 << (bit % 8));
        } else {
            int bodyBit = bit - 8 * enc.length;
            body[bodyBit / 8] ^= (byte) (1 << (bodyBit % 8));
        }
        Stanza tampered = Stanza.of(stanza.type(), List.of(StrictBase64.encode(enc)), body);
        Optional<FileKey> result;
        try {
            result = IDENTITY.unwrap(List.of(tampered));
        } catch (AgeHeaderException lowOrderShare) {
            result = Optional.empty();
        }
        assertThat(result).isEmpty();
    }

    @Property(tries = 15)
    void aHybridTagStanzaOpensWithTheKeyForAnyFileKey(@ForAll @Size(16) byte[] key) {
        Stanza stanza = TAG_RECIPIENT.wrap(FileKey.of(key)).get(0);
        byte[] enc = StrictBase64.decode(stanza.arguments().get(1));
        assertThat(StrictBase64.decode(stanza.arguments().get(0))).isEqualTo(TAG_RECIPIENT.tag(enc));
        byte[] info = "age-encryption.org/mlkem768p256tag".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hpke.open(0x0050, TAG_KEY.decapsulate(enc), info, stanza.body()))
                .isEqualTo(key);
    }
}
