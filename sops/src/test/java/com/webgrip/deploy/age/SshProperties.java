package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips and tamper detection for the two SSH types. */
class SshProperties {
    private static final Identity ED25519;
    private static final Identity RSA;
    private static final Recipient ED25519_RECIPIENT;
    private static final Recipient RSA_RECIPIENT;

    static {
        try {
            ED25519 = SshFixtures.identity("ed25519");
            RSA = SshFixtures.identity("rsa2048");
            ED25519_RECIPIENT = AgeKeys.parseRecipient(SshFixtures.publicLine("ed25519"));
            RSA_RECIPIENT = AgeKeys.parseRecipient(SshFixtures.publicLine("rsa2048"));
        } catch (AgeKeyException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Property(tries = 40)
    void anyFileKeyRoundTripsThroughEitherType(@ForAll @Size(16) byte[] key, @ForAll boolean rsa) throws Exception {
        FileKey fileKey = FileKey.of(key);
        List<Stanza> stanzas = (rsa ? RSA_RECIPIENT : ED25519_RECIPIENT).wrap(fileKey);
        assertThat((rsa ? RSA : ED25519).unwrap(stanzas)).contains(fileKey);
        assertThat((rsa ? ED25519 : RSA).unwrap(stanzas)).isEmpty();
    }

    @Property(tries = 60)
    void aFlippedBitInTheBodyOrShareNeverGivesAFileKey(
            @ForAll @IntRange(min = 0, max = 8 * (256 + 32) - 1) int bit, @ForAll boolean rsa) throws Exception {
        Stanza stanza = (rsa ? RSA_RECIPIENT : ED25519_RECIPIENT)
                .wrap(FileKey.of(new byte[16]))
                .get(0);
        byte[] body = stanza.body();
        List<String> arguments = new ArrayList<>(stanza.arguments());
        if (bit < 8 * body.length) {
            body[bit / 8] ^= (byte) (1 << (bit % 8));
        } else if (!rsa) {
            int shareBit = bit % 256;
            byte[] share = StrictBase64.decode(arguments.get(1));
            share[shareBit / 8] ^= (byte) (1 << (shareBit % 8));
            arguments.set(1, StrictBase64.encode(share));
        } else {
            body[bit % body.length] ^= 1;
        }
        Stanza tampered = Stanza.of(stanza.type(), arguments, body);
        assertThatThrownBy(() -> (rsa ? RSA : ED25519).unwrap(List.of(tampered)))
                .isInstanceOf(AgeHeaderException.class);
    }
}
