package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Node;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML 1.2 core-schema resolution of plain scalars as go-yaml v3 decodes them into
 * {@code interface{}} (what sops sees): null, bool, int (Go's base-0 prefixes, underscores
 * removed), float, and everything else a string (timestamps included).
 */
final class YamlScalars {
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSES = Set.of("false", "False", "FALSE");
    private static final Set<String> POS_INF = Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
    private static final Set<String> NEG_INF = Set.of("-.inf", "-.Inf", "-.INF");
    private static final Set<String> NANS = Set.of(".nan", ".NaN", ".NAN");
    private static final Pattern YAML_FLOAT =
            Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    /** go-yaml's timestamp forms: read back as strings by sops, but quoted on write. */
    private static final Pattern TIMESTAMP = Pattern.compile("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
            + "([Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]*)?(Z|[-+][0-9]{1,2}(:[0-9]{2})?)?)?$");

    private YamlScalars() {}

    /** The typed value of a plain (unquoted, untagged) scalar. */
    static Node resolvePlain(String text) {
        if (NULLS.contains(text)) {
            return Node.Null.INSTANCE;
        }
        if (TRUES.contains(text)) {
            return new Node.Bool(true);
        }
        if (FALSES.contains(text)) {
            return new Node.Bool(false);
        }
        if (POS_INF.contains(text)) {
            return new Node.Flt(Double.POSITIVE_INFINITY);
        }
        if (NEG_INF.contains(text)) {
            return new Node.Flt(Double.NEGATIVE_INFINITY);
        }
        if (NANS.contains(text)) {
            return new Node.Flt(Double.NaN);
        }
        char first = text.charAt(0);
        if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
            Node number = number(text);
            if (number != null) {
                return number;
            }
        }
        return new Node.Str(text);
    }

    /**
     * The value of a scalar as sops reads it, from SnakeYAML's resolved tag: plain untagged
     * scalars by the core schema, quoted ones as strings, {@code !!int}/{@code !!float}/{@code !!bool}
     * checked against their text, {@code !!binary} decoded, other tags (timestamps, custom tags
     * such as {@code !env}) dropped, the value kept as a string.
     *
     * @param where names the scalar's place in messages
     */
    static Node tagged(Tag tag, String text, boolean plain, Supplier<String> where) throws SopsFormatException {
        if (Tag.STR.equals(tag)) {
            return plain ? resolvePlain(text) : new Node.Str(text);
        }
        if (Tag.NULL.equals(tag)) {
            return Node.Null.INSTANCE;
        }
        if (Tag.BINARY.equals(tag)) {
            try {
                return new Node.Str(new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new SopsFormatException(where.get() + ": !!binary value is not base64");
            }
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag)) {
            Node resolved = resolvePlain(text);
            boolean fits = Tag.BOOL.equals(tag)
                    ? resolved instanceof Node.Bool
                    : resolved instanceof Node.Int || resolved instanceof Node.Flt;
            if (!fits) {
                throw new SopsFormatException(
                        where.get() + ": value \"" + text + "\" does not fit its tag " + tag.getValue());
            }
            return Tag.FLOAT.equals(tag) && resolved instanceof Node.Int i ? new Node.Flt(i.value()) : resolved;
        }
        return new Node.Str(text);
    }

    /** Whether a string would be read back as something other than a string when plain. */
    static boolean resolvesToNonString(String text) {
        return !(resolvePlain(text) instanceof Node.Str)
                || TIMESTAMP.matcher(text).matches();
    }

    private static Node number(String text) {
        String plain = text.replace("_", "");
        BigInteger integer = goParseIntBase0(plain);
        if (integer != null) {
            if (integer.bitLength() < 64) {
                return new Node.Int(integer.longValue());
            }
            // Go: ParseUint would give a uint64, which sops cannot encrypt; we keep the value as a float.
            return new Node.Flt(integer.doubleValue());
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            try {
                return new Node.Flt(Double.parseDouble(plain));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} syntax: sign, then 0x, 0o, 0b, leading-0 octal or decimal. */
    static BigInteger goParseIntBase0(String s) {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        if (body.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = body;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                digits = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                digits = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                digits = body.substring(2);
            } else {
                radix = 8;
                digits = body.substring(1);
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), radix) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        value = negative ? value.negate() : value;
        if (value.bitLength() >= 64 && value.signum() < 0) {
            return null;
        }
        return value.bitLength() > 64 ? null : value;
    }
}
