package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.math.ec.ECPoint;

/** Round trips of random file keys through the p256tag recipient and through a plugin. */
class KeyTypeProperties {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger SCALAR = new BigInteger(255, RANDOM).add(BigInteger.ONE);
    private static final ECPoint POINT = P256.CURVE.getG().multiply(SCALAR).normalize();
    private static final TagRecipient TAG = TagRecipient.classic(POINT.getEncoded(true), RANDOM);
    private static final AgePlugins PLUGINS;

    static {
        try {
            Path folder = Files.createTempDirectory("age-plugins");
            folder.toFile().deleteOnExit();
            PLUGINS = AgePlugins.builder()
                    .searchPath(List.of(TestPlugins.install(folder)))
                    .build();
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Property(tries = 25)
    void aP256TagStanzaCarriesItsTagAndOpensWithTheScalar(@ForAll @Size(16) byte[] key) {
        Stanza stanza = TAG.wrap(FileKey.of(key)).get(0);
        byte[] enc = StrictBase64.decodeExactly(stanza.arguments().get(1), 65, "enc");
        assertThat(StrictBase64.decode(stanza.arguments().get(0))).isEqualTo(TAG.tag(enc));
        byte[] dh =
                P256.decode(enc).multiply(SCALAR).normalize().getAffineXCoord().getEncoded();
        byte[] shared = DhKemP256.extractAndExpand(dh, KeyBytes.concat(enc, POINT.getEncoded(false)));
        byte[] info = "age-encryption.org/p256tag".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hpke.open(DhKemP256.KEM_ID, shared, info, stanza.body())).isEqualTo(key);
    }

    @Property(tries = 5)
    void anyFileKeyRoundTripsThroughThePlugin(
            @ForAll @Size(16) byte[] key, @ForAll @Size(min = 1, max = 40) byte[] data) throws Exception {
        Recipient recipient = PLUGINS.recipient(Bech32.encode("age1test", data));
        Identity identity = PLUGINS.identity(Bech32.encodeUpper("AGE-PLUGIN-TEST-", data));
        FileKey fileKey = FileKey.of(key);
        assertThat(identity.unwrap(recipient.wrap(fileKey))).contains(fileKey);
    }
}
