package com.webgrip.deploy.age;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a plugin runs with: only the variables a program needs to find its tools, its
 * home, its temporary folder and its locale, plus those the C2SP age-plugin spec and the known
 * plugins read ({@code AGEDEBUG}, the XDG folders, the SSH agent socket), plus whatever the
 * embedding application adds. Not the JVM's whole environment: a deploy JVM typically holds
 * {@code SOPS_AGE_KEY}, {@code AGE_PASSPHRASE} and cloud credentials, and any {@code age-plugin-NAME}
 * found on the search path would otherwise receive them. (Go age passes its whole environment.)
 */
final class PluginEnvironment {
    /** Passed on when the parent has them. Windows spellings included (names compare case-insensitively there). */
    static final Set<String> PASSED_ON = Set.of(
            "PATH",
            "HOME",
            "USER",
            "LOGNAME",
            "SHELL",
            "TMPDIR",
            "TMP",
            "TEMP",
            "LANG",
            "LANGUAGE",
            "TZ",
            "AGEDEBUG",
            "SSH_AUTH_SOCK",
            "XDG_RUNTIME_DIR",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "XDG_CACHE_HOME",
            "XDG_STATE_HOME",
            "SYSTEMROOT",
            "WINDIR",
            "USERPROFILE",
            "APPDATA",
            "LOCALAPPDATA",
            "PATHEXT",
            "COMSPEC");

    private PluginEnvironment() {}

    /** Whether the variable {@code name} of the parent is passed on: one of {@link #PASSED_ON}, or a locale {@code LC_*}. */
    static boolean passedOn(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return PASSED_ON.contains(upper) || upper.startsWith("LC_");
    }

    /**
     * Replaces {@code environment} (a {@link ProcessBuilder#environment()}, holding the parent's)
     * with the parent's variables that are passed on, then {@code extra} (which wins).
     */
    static void restrict(Map<String, String> environment, Map<String, String> extra) {
        environment.keySet().removeIf(name -> !passedOn(name));
        environment.putAll(extra);
    }

    /** The extra variables, copied and checked: names that a process environment can hold. */
    static Map<String, String> checkedCopy(Map<String, String> extra) {
        Map<String, String> copy = new TreeMap<>();
        extra.forEach((name, value) -> {
            if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(
                        "plugin environment variable name " + SshPublicKey.printable(String.valueOf(name))
                                + " is not allowed; expected a non-empty name without '=' or NUL");
            }
            if (value == null || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(
                        "plugin environment variable " + name + " has a null value or a NUL");
            }
            copy.put(name, value);
        });
        return Map.copyOf(copy);
    }
}
