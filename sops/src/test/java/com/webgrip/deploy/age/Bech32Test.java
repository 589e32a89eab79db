package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Bech32Test {

    // BIP 173 valid test strings (checksum only; data of arbitrary bit length is covered by
    // the round-trip property below).
    @Test
    void decodesBip173ValidStrings() {
        assertThat(Bech32.decode("a12uel5l").hrp()).isEqualTo("a");
        assertThat(Bech32.decode("A12UEL5L").hrp()).isEqualTo("a");
        assertThat(Bech32.decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")
                        .hrp())
                .isEqualTo("abcdef");
    }

    @Test
    void decodesAnAgeRecipientToItsHrpAnd32Bytes() {
        // From the sops fixtures' manifest: a public test recipient.
        Bech32.Decoded decoded = Bech32.decode("age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw");
        assertThat(decoded.hrp()).isEqualTo("age");
        assertThat(decoded.data()).hasSize(32);
        assertThat(Bech32.encode("age", decoded.data()))
                .isEqualTo("age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw");
    }

    @Test
    void destroyZeroesTheDecodedDataSoThatNoCopyOfAKeyStaysBehind() {
        Bech32.Decoded decoded = Bech32.decode("age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw");
        assertThat(decoded.data()).containsAnyOf((byte) 1, (byte) 2, (byte) 3, (byte) 0x22);

        decoded.destroy();

        assertThat(decoded.data()).hasSize(32).containsOnly((byte) 0);
    }

    @Test
    void rejectsMixedCase() {
        assertThatThrownBy(() -> Bech32.decode("A12uEL5L"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mixes upper and lower case");
    }

    @Test
    void rejectsABadChecksumWithoutEchoingTheInput() {
        assertThatThrownBy(() -> Bech32.decode("age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlq"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Bech32 checksum does not match");
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> Bech32.decode("age1bbbbbbbbbb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the Bech32 alphabet");
    }

    @Test
    void acceptsStringsLongerThanNinetyCharacters() {
        byte[] data = new byte[1216]; // the size of an ML-KEM-768 + X25519 public key
        String encoded = Bech32.encode("age1pq", data);
        assertThat(encoded.length()).isGreaterThan(90);
        assertThat(Bech32.decode(encoded).data()).isEqualTo(data);
    }

    @Property(tries = 200)
    void roundTripsAnyBytes(@ForAll @Size(max = 200) byte[] data) {
        Bech32.Decoded decoded = Bech32.decode(Bech32.encodeUpper("AGE-SECRET-KEY-", data));
        assertThat(decoded.hrp()).isEqualTo("age-secret-key-");
        assertThat(decoded.data()).isEqualTo(data);
    }
}
