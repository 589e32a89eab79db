package com.webgrip.deploy.age;

import java.util.List;
import java.util.Objects;

/**
 * One recipient stanza of an age header: {@code -> type arg1 arg2 ...} followed by its body.
 *
 * <p>Immutable: the arguments are copied into an unmodifiable list and the body is cloned on
 * the way in and out. A stanza holds a wrapped (encrypted) file key, never a secret in clear.
 */
public final class Stanza {
    private final String type;
    private final List<String> arguments;
    private final byte[] body;

    private Stanza(String type, List<String> arguments, byte[] body) {
        this.type = type;
        this.arguments = arguments;
        this.body = body;
    }

    /**
     * A stanza with the given type, arguments and body.
     *
     * @throws IllegalArgumentException if the type or an argument is empty or holds a character
     *     outside printable ASCII (VCHAR), which the header format cannot carry
     */
    public static Stanza of(String type, List<String> arguments, byte[] body) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(body, "body");
        requireVchars("stanza type", type);
        for (int i = 0; i < arguments.size(); i++) {
            requireVchars("stanza argument " + (i + 1), Objects.requireNonNull(arguments.get(i), "argument"));
        }
        return new Stanza(type, List.copyOf(arguments), body.clone());
    }

    /** The first word after {@code ->}, for example {@code X25519} or {@code scrypt}. */
    public String type() {
        return type;
    }

    /** The words after the type. */
    public List<String> arguments() {
        return arguments;
    }

    /** A copy of the decoded body. */
    public byte[] body() {
        return body.clone();
    }

    /** The length of the body in bytes, without copying it. */
    public int bodyLength() {
        return body.length;
    }

    private static void requireVchars(String what, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty; expected at least one printable ASCII character");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(String.format(
                        "%s has character U+%04X at index %d; expected printable ASCII (0x21-0x7E)", what, (int) c, i));
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Stanza that
                && type.equals(that.type)
                && arguments.equals(that.arguments)
                && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, arguments, java.util.Arrays.hashCode(body));
    }

    /** The type and arguments; the body only by length. */
    @Override
    public String toString() {
        return "Stanza[" + type + " " + String.join(" ", arguments) + ", body " + body.length + " bytes]";
    }
}
