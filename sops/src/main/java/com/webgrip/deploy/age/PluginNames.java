package com.webgrip.deploy.age;

import java.util.Locale;

/** Plugin names and the key encodings that carry them (C2SP age-plugin, age v1.2.1's name rule). */
final class PluginNames {
    private static final String RECIPIENT_PREFIX = "age1";
    private static final String IDENTITY_PREFIX = "age-plugin-";

    private PluginNames() {}

    /** Letters, digits, {@code + - . _}; never empty. Nothing that could make a path. */
    static boolean isValid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '+'
                    || c == '-'
                    || c == '.'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String executable(String name) {
        return "age-plugin-" + name;
    }

    /** The plugin name of {@code age1NAME1…}, lower case. */
    static String ofRecipient(String encoded) throws AgeKeyException {
        String hrp = decodeHrp(encoded, "recipient");
        if (!hrp.startsWith(RECIPIENT_PREFIX)) {
            throw new AgeKeyException("plugin recipient does not start with age1NAME1");
        }
        return checked(hrp.substring(RECIPIENT_PREFIX.length()));
    }

    /** The plugin name of {@code AGE-PLUGIN-NAME-1…}, lower case. */
    static String ofIdentity(String encoded) throws AgeKeyException {
        String hrp = decodeHrp(encoded, "identity");
        if (!hrp.startsWith(IDENTITY_PREFIX) || !hrp.endsWith("-") || hrp.length() <= IDENTITY_PREFIX.length() + 1) {
            throw new AgeKeyException("plugin identity does not start with AGE-PLUGIN-NAME-1");
        }
        return checked(hrp.substring(IDENTITY_PREFIX.length(), hrp.length() - 1));
    }

    private static String decodeHrp(String encoded, String what) throws AgeKeyException {
        try {
            Bech32.Decoded decoded = Bech32.decode(encoded.strip());
            decoded.destroy(); // a plugin identity's data may be key material
            return decoded.hrp().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new AgeKeyException("malformed plugin " + what + ": " + e.getMessage(), e);
        }
    }

    private static String checked(String name) throws AgeKeyException {
        if (!isValid(name)) {
            throw new AgeKeyException("plugin name " + SshPublicKey.printable(name)
                    + " is not allowed; expected letters, digits and + - . _ only");
        }
        return name;
    }
}
