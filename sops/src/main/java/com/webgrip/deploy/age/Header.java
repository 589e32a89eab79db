package com.webgrip.deploy.age;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed or built age header: its stanzas, its MAC, and the exact bytes the MAC covers
 * (everything up to and including {@code ---}).
 */
final class Header {
    static final String VERSION_LINE = "age-encryption.org/v1";
    static final int MAC_LENGTH = 32;
    static final String HEADER_LABEL = "header";

    private final List<Stanza> stanzas;
    private final byte[] macInput;
    private final byte[] mac;

    Header(List<Stanza> stanzas, byte[] macInput, byte[] mac) {
        this.stanzas = List.copyOf(stanzas);
        this.macInput = macInput;
        this.mac = mac;
    }

    /** Builds the header of a new file and computes its MAC with the file key. */
    static Header build(List<Stanza> stanzas, byte[] fileKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, VERSION_LINE + "\n");
        for (Stanza stanza : stanzas) {
            write(out, "-> " + stanza.type());
            for (String argument : stanza.arguments()) {
                write(out, " " + argument);
            }
            write(out, "\n");
            String body = StrictBase64.encode(stanza.body());
            // Full 64-column lines, then a final shorter line, which is empty when the body
            // fills whole lines: that short line is what ends the stanza.
            for (int at = 0; ; at += 64) {
                int end = Math.min(at + 64, body.length());
                write(out, body.substring(at, end) + "\n");
                if (end - at < 64) {
                    break;
                }
            }
        }
        write(out, "---");
        byte[] macInput = out.toByteArray();
        return new Header(stanzas, macInput, computeMac(fileKey, macInput));
    }

    /** The complete header bytes, MAC line included. */
    byte[] encoded() {
        byte[] macLine = (" " + StrictBase64.encode(mac) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(macInput, macInput.length + macLine.length);
        System.arraycopy(macLine, 0, out, macInput.length, macLine.length);
        return out;
    }

    List<Stanza> stanzas() {
        return stanzas;
    }

    List<String> stanzaTypes() {
        return stanzas.stream().map(Stanza::type).toList();
    }

    /** The length of the encoded header, MAC line included. */
    int size() {
        return macInput.length + 1 + 43 + 1;
    }

    /** Whether the MAC matches under this file key; constant time. */
    boolean macMatches(byte[] fileKey) {
        byte[] expected = computeMac(fileKey, macInput);
        return MessageDigest.isEqual(expected, mac);
    }

    private static byte[] computeMac(byte[] fileKey, byte[] macInput) {
        byte[] macKey = Hkdf.derive(fileKey, new byte[0], HEADER_LABEL);
        try {
            return Hkdf.hmac(macKey, macInput, 0, macInput.length);
        } finally {
            Arrays.fill(macKey, (byte) 0);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
