package com.webgrip.deploy.helm.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Go's number syntax where Helm relies on it: {@code strconv.ParseInt(s, 0, 64)} and float32 key formatting. */
final class GoNumbers {
    private GoNumbers() {}

    /**
     * Parses Go's integer literal syntax with base 0 (sign, then {@code 0x}, {@code 0o}, {@code 0b}, a leading
     * {@code 0} for octal, or decimal), with no underscores. Returns null when the text is not such a literal.
     */
    static BigInteger parseInt(String text) {
        int i = 0;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        String body = text.substring(i);
        int radix = 10;
        if (body.length() >= 2 && body.charAt(0) == '0') {
            char prefix = Character.toLowerCase(body.charAt(1));
            if (prefix == 'x') {
                radix = 16;
                body = body.substring(2);
            } else if (prefix == 'o') {
                radix = 8;
                body = body.substring(2);
            } else if (prefix == 'b') {
                radix = 2;
                body = body.substring(2);
            } else {
                radix = 8;
                body = body.substring(1);
            }
        }
        if (body.isEmpty()) {
            return null;
        }
        for (int j = 0; j < body.length(); j++) {
            char c = body.charAt(j);
            if (c > 'z' || Character.digit(c, radix) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(body, radix);
        return negative ? value.negate() : value;
    }

    /**
     * Formats a float key as sigs.k8s.io/yaml does: {@code strconv.FormatFloat(f, 'g', -1, 32)}: the shortest
     * float32 digits, in exponent form when the decimal exponent is below -4 or at least 6 (Go's %g rule when the
     * precision is the shortest), with a two-digit exponent at least.
     */
    static String formatFloat32Key(double value) {
        float f = (float) value;
        if (Float.isNaN(f)) {
            return ".nan";
        } else if (Float.isInfinite(f)) {
            return f > 0 ? ".inf" : "-.inf";
        } else if (f == 0) {
            return (1 / f) < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Float.toString(f)).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = shortest.signum() < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return sign + shortest.abs().toPlainString();
    }
}
