package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import com.webgrip.deploy.sops.tree.ScalarFormats;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The plaintext bytes of a leaf as sops writes them ({@code ToBytes}: what is encrypted and what
 * the MAC hashes), and the typed value a decrypted {@code type:…} plaintext stands for.
 */
final class PlainValues {
    private PlainValues() {}

    /** A leaf's sops type name and plaintext bytes. */
    record Typed(String type, byte[] plain) {}

    /** The type and plaintext of a leaf to encrypt; null for kinds sops cannot encrypt. */
    static Typed encode(Node value) {
        if (value instanceof Node.Str s) {
            return new Typed("str", s.value().getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Node.Bytes b) {
            return new Typed("str", b.value());
        } else if (value instanceof Node.Int i) {
            return new Typed("int", Long.toString(i.value()).getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Node.Flt f) {
            return new Typed("float", ScalarFormats.goFloatF(f.value()).getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Node.Bool b) {
            return new Typed("bool", ScalarFormats.pythonBool(b.value()).getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Node.Time t) {
            return new Typed(
                    "time",
                    t.value().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Comment c) {
            return new Typed("comment", c.text().getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** sops's {@code ToBytes}: the bytes the MAC hashes for a leaf (empty for null and collections). */
    static byte[] macBytes(Node value) {
        Typed typed = encode(value);
        return typed == null ? new byte[0] : typed.plain();
    }

    /**
     * The value a decrypted plaintext stands for. A {@code str} whose bytes are not UTF-8 comes
     * back as {@link Node.Bytes}.
     *
     * @throws SopsFormatException if the type is unknown or the text does not parse as it
     */
    static Node typed(byte[] plain, int length, String type, String aad, String source) throws SopsFormatException {
        boolean ascii = isAscii(plain, length);
        String text = new String(plain, 0, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        try {
            switch (type) {
                case "str":
                    return ascii || isUtf8(plain, length) ? new Node.Str(text) : new Node.Bytes(copy(plain, length));
                case "int":
                    return new Node.Int(Long.parseLong(text.startsWith("+") ? text.substring(1) : text));
                case "float":
                    return new Node.Flt(parseGoFloat(text));
                case "bool":
                    return new Node.Bool(parseGoBool(text));
                case "time":
                    return new Node.Time(OffsetDateTime.parse(text));
                case "bytes":
                    return new Node.Bytes(copy(plain, length));
                case "comment":
                    return Comment.of(text);
                default:
                    throw new SopsFormatException(source + ": value at " + ValueCipher.display(aad) + " has type \""
                            + type + "\"; expected str, int, float, bool, time, bytes or comment");
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new SopsFormatException(source + ": value at " + ValueCipher.display(aad)
                    + " decrypted, but is not a valid " + type + " value");
        }
    }

    private static byte[] copy(byte[] plain, int length) {
        return java.util.Arrays.copyOf(plain, length);
    }

    private static double parseGoFloat(String text) {
        String t = text.replace("_", "");
        return switch (t) {
            case "Inf", "+Inf", "inf", "+inf", "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
            case "-Inf", "-inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
            case "NaN", "nan" -> Double.NaN;
            default -> {
                if (t.isEmpty() || !t.matches("[-+]?[0-9.eE+-]+|[-+]?0[xX][0-9a-fA-F.pP+-]+")) {
                    throw new NumberFormatException(text);
                }
                yield Double.parseDouble(t);
            }
        };
    }

    private static boolean parseGoBool(String text) {
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new NumberFormatException(text);
        };
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
