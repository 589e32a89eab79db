package com.webgrip.deploy.sops.tree;

import java.math.BigDecimal;

/**
 * Number and boolean text exactly as sops (Go) writes it: {@code strconv.FormatFloat} with the
 * {@code 'f'}, {@code 'g'} and {@code 'G'} verbs and shortest round-trip digits, {@code encoding/json}'s
 * float form, and Python-era {@code True}/{@code False}.
 */
public final class ScalarFormats {
    private ScalarFormats() {}

    /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: never an exponent, no trailing {@code .0}. */
    public static String goFloatF(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        Digits d = Digits.of(value);
        StringBuilder out = new StringBuilder(24);
        if (d.negative) {
            out.append('-');
        }
        // value = 0.digits * 10^point
        if (d.point <= 0) {
            out.append("0");
            if (!d.digits.equals("0")) {
                out.append('.');
                out.append("0".repeat(-d.point));
                out.append(d.digits);
            }
        } else if (d.point >= d.digits.length()) {
            out.append(d.digits).append("0".repeat(d.point - d.digits.length()));
        } else {
            out.append(d.digits, 0, d.point).append('.').append(d.digits, d.point, d.digits.length());
        }
        return out.toString();
    }

    /**
     * {@code strconv.FormatFloat(v, 'g', -1, 64)} (upper case with {@code 'G'}): the exponent form when
     * the decimal exponent is below -4 or at least 6, else the plain form.
     */
    public static String goFloatG(double value, boolean upper) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        Digits d = Digits.of(value);
        // Go: with the shortest digits, the exponent form is used when exp < -4 || exp >= 6.
        int exp = d.point - 1;
        if (!d.digits.equals("0") && (exp < -4 || exp >= 6)) {
            return exponentForm(d, upper ? 'E' : 'e', 2);
        }
        return goFloatF(value);
    }

    /**
     * {@code encoding/json}'s float text: the {@code 'f'} form for 1e-6 ≤ |v| < 1e21, else the
     * {@code 'e'} form with a one- or more-digit exponent ({@code 1e-07} becomes {@code 1e-7}).
     */
    public static String jsonFloat(double value) {
        double abs = Math.abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            return exponentForm(Digits.of(value), 'e', 1);
        }
        return goFloatF(value);
    }

    /** sops's text of a bool for encryption and the MAC: {@code True} or {@code False}. */
    public static String pythonBool(boolean value) {
        return value ? "True" : "False";
    }

    private static String exponentForm(Digits d, char e, int minExpDigits) {
        StringBuilder out = new StringBuilder(24);
        if (d.negative) {
            out.append('-');
        }
        out.append(d.digits.charAt(0));
        if (d.digits.length() > 1) {
            out.append('.').append(d.digits, 1, d.digits.length());
        }
        int exp = d.digits.equals("0") ? 0 : d.point - 1;
        out.append(e).append(exp < 0 ? '-' : '+');
        String expText = Integer.toString(Math.abs(exp));
        if (expText.length() < minExpDigits) {
            out.append("0".repeat(minExpDigits - expText.length()));
        }
        return out.append(expText).toString();
    }

    private static String special(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return null;
    }

    /** Shortest decimal digits of a double: value = 0.digits × 10^point. */
    private static final class Digits {
        final boolean negative;
        final String digits;
        final int point;

        private Digits(boolean negative, String digits, int point) {
            this.negative = negative;
            this.digits = digits;
            this.point = point;
        }

        static Digits of(double value) {
            boolean negative = value < 0 || (value == 0 && 1 / value < 0);
            if (value == 0) {
                return new Digits(negative, "0", 1);
            }
            // Double.toString gives the shortest digits that round-trip (exactly so from JDK 19).
            BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
            String digits = decimal.unscaledValue().toString();
            int point = digits.length() - decimal.scale();
            return new Digits(negative, digits, point);
        }
    }
}
