package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import com.webgrip.deploy.sops.tree.ScalarFormats;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;

/**
 * sops's value cipher: AES-256-GCM with a 32-byte IV, the path as authenticated data, written as
 * {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]}. Empty strings are neither encrypted nor
 * decrypted. Like sops, it remembers the IV of every value it decrypts, keyed by (plaintext,
 * path), and reuses it when the same plaintext is encrypted at the same path again, so unchanged
 * values keep their ciphertext across an edit.
 */
final class ValueCipher implements Destroyable {
    static final int IV_LENGTH = 32;
    private static final int TAG_LENGTH = 16;
    private static final Pattern ENC = Pattern.compile("^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\\]");

    private final SecretKeySpec key;
    private final byte[] keyBytes;
    private final SecureRandom random;
    private final Map<StashKey, byte[]> ivStash = new HashMap<>();
    private Cipher decryptCipher;
    private boolean destroyed;

    private record StashKey(String type, String plaintext, String aad) {}

    ValueCipher(byte[] dataKey, SecureRandom random) {
        if (dataKey.length != 32) {
            throw new IllegalArgumentException("data key has " + dataKey.length + " bytes; expected 32");
        }
        this.keyBytes = dataKey.clone();
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.random = random;
    }

    static boolean looksEncrypted(String value) {
        return value.startsWith("ENC[AES256_GCM,");
    }

    /** Encrypts a leaf; an empty string (or comment) stays empty. */
    String encrypt(Node value, String aad) throws SopsException {
        String type;
        byte[] plain;
        if (value instanceof Node.Str s) {
            type = "str";
            plain = s.value().getBytes(StandardCharsets.UTF_8);
        } else if (value instanceof Node.Bytes b) {
            type = "str";
            plain = b.value();
        } else if (value instanceof Node.Int i) {
            type = "int";
            plain = Long.toString(i.value()).getBytes(StandardCharsets.US_ASCII);
        } else if (value instanceof Node.Flt f) {
            type = "float";
            plain = ScalarFormats.goFloatF(f.value()).getBytes(StandardCharsets.US_ASCII);
        } else if (value instanceof Node.Bool b) {
            type = "bool";
            plain = ScalarFormats.pythonBool(b.value()).getBytes(StandardCharsets.US_ASCII);
        } else if (value instanceof Node.Time t) {
            type = "time";
            plain = t.value().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).getBytes(StandardCharsets.US_ASCII);
        } else if (value instanceof Comment c) {
            type = "comment";
            plain = c.text().getBytes(StandardCharsets.UTF_8);
        } else {
            throw new SopsException(
                    "cannot encrypt a value of kind " + value.getClass().getSimpleName() + " at " + aad);
        }
        if (plain.length == 0) {
            return "";
        }
        StashKey stashKey = new StashKey(type, new String(plain, StandardCharsets.ISO_8859_1), aad);
        byte[] iv = ivStash.get(stashKey);
        if (iv == null) {
            iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
        }
        byte[] sealed;
        try {
            // A fresh cipher per value: the JDK refuses to reuse a key and IV pair on one Cipher
            // object, and the IV stash reuses IVs on purpose.
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            sealed = cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new SopsException("AES-GCM encryption failed at " + aad, e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        int dataLength = sealed.length - TAG_LENGTH;
        return "ENC[AES256_GCM,data:"
                + b64.encodeToString(Arrays.copyOfRange(sealed, 0, dataLength))
                + ",iv:" + b64.encodeToString(iv)
                + ",tag:" + b64.encodeToString(Arrays.copyOfRange(sealed, dataLength, sealed.length))
                + ",type:" + type + "]";
    }

    /**
     * Decrypts an {@code ENC[…]} value at a path. A {@code str} whose bytes are not UTF-8 comes
     * back as {@link Node.Bytes}.
     *
     * @throws SopsFormatException if the text is not an {@code ENC[…]} value or a part is not base64
     * @throws SopsDecryptionException if authentication fails (tampering, a moved value, the wrong key)
     */
    Node decrypt(String text, String aad, String source) throws SopsException {
        if (text.isEmpty()) {
            return new Node.Str("");
        }
        String[] parts = split(text);
        if (parts == null) {
            throw new SopsFormatException(source + ": value at " + display(aad)
                    + " is not a sops ENC[AES256_GCM,data:…,iv:…,tag:…,type:…] value");
        }
        byte[] data = base64(parts[0], "data", aad, source);
        byte[] iv = base64(parts[1], "iv", aad, source);
        byte[] tag = base64(parts[2], "tag", aad, source);
        String type = parts[3];
        if (iv.length == 0 || tag.length != TAG_LENGTH) {
            throw new SopsFormatException(source + ": value at " + display(aad) + " has an iv of " + iv.length
                    + " bytes and a tag of " + tag.length + " bytes; expected a non-empty iv and a 16-byte tag");
        }
        byte[] plain;
        try {
            if (decryptCipher == null) {
                decryptCipher = Cipher.getInstance("AES/GCM/NoPadding");
            }
            decryptCipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            decryptCipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] input = new byte[data.length + TAG_LENGTH];
            System.arraycopy(data, 0, input, 0, data.length);
            System.arraycopy(tag, 0, input, data.length, TAG_LENGTH);
            plain = decryptCipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new SopsDecryptionException(
                    source + ": the value at " + display(aad)
                            + " failed authentication: it was changed, moved to another path, its key was renamed,"
                            + " or the data key is wrong",
                    aad);
        } catch (GeneralSecurityException e) {
            throw new SopsDecryptionException(
                    source + ": the value at " + display(aad) + " could not be decrypted: "
                            + e.getClass().getSimpleName(),
                    aad);
        }
        Node value = typed(plain, type, aad, source);
        ivStash.put(
                new StashKey(type.equals("bytes") ? "str" : type, new String(plain, StandardCharsets.ISO_8859_1), aad),
                iv);
        Arrays.fill(plain, (byte) 0);
        return value;
    }

    /**
     * The data, iv, tag and type fields, split as sops's greedy regex
     * {@code ^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]} splits them (each field
     * ends at the last separator that still leaves the rest matching); null if it does not match.
     * Done by hand because the regex's backtracking dominated decryption time.
     */
    static String[] split(String text) {
        final String prefix = "ENC[AES256_GCM,data:";
        if (!text.startsWith(prefix)) {
            return null;
        }
        int close = text.lastIndexOf(']');
        int type = text.lastIndexOf(",type:", close - 1);
        if (close < 0 || type < 0) {
            return null;
        }
        int tag = text.lastIndexOf(",tag:", type - 1);
        int iv = tag < 0 ? -1 : text.lastIndexOf(",iv:", tag - 1);
        int dataStart = prefix.length();
        if (iv < dataStart + 1
                || tag < iv + ",iv:".length() + 1
                || type < tag + ",tag:".length() + 1
                || close < type + ",type:".length() + 1) {
            return ENC.matcher(text).find() ? regexSplit(text) : null;
        }
        return new String[] {
            text.substring(dataStart, iv),
            text.substring(iv + ",iv:".length(), tag),
            text.substring(tag + ",tag:".length(), type),
            text.substring(type + ",type:".length(), close)
        };
    }

    private static String[] regexSplit(String text) {
        Matcher m = ENC.matcher(text);
        return m.find() ? new String[] {m.group(1), m.group(2), m.group(3), m.group(4)} : null;
    }

    private static Node typed(byte[] plain, String type, String aad, String source) throws SopsFormatException {
        String text = new String(plain, StandardCharsets.UTF_8);
        try {
            switch (type) {
                case "str":
                    return isUtf8(plain) ? new Node.Str(text) : new Node.Bytes(plain);
                case "int":
                    return new Node.Int(Long.parseLong(text.startsWith("+") ? text.substring(1) : text));
                case "float":
                    return new Node.Flt(parseGoFloat(text));
                case "bool":
                    return new Node.Bool(parseGoBool(text));
                case "time":
                    return new Node.Time(OffsetDateTime.parse(text));
                case "bytes":
                    return new Node.Bytes(plain);
                case "comment":
                    return Comment.of(text);
                default:
                    throw new SopsFormatException(source + ": value at " + display(aad) + " has type \"" + type
                            + "\"; expected str, int, float, bool, time, bytes or comment");
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new SopsFormatException(
                    source + ": value at " + display(aad) + " decrypted, but is not a valid " + type + " value");
        }
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

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] base64(String text, String part, String aad, String source) throws SopsFormatException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SopsFormatException(
                    source + ": value at " + display(aad) + " has a " + part + " field that is not base64");
        }
    }

    static String display(String aad) {
        return aad.equals(":") ? "the top level" : "\"" + aad + "\"";
    }

    @Override
    public void destroy() {
        Arrays.fill(keyBytes, (byte) 0);
        ivStash.clear();
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
