package com.webgrip.deploy.age;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The commands a plugin may send in phase 2 of either state machine to reach the person:
 * {@code msg}, {@code confirm}, {@code request-public}, {@code request-secret}. Texts from the
 * plugin are shown through {@link AgeUi} with control characters removed, so that a plugin
 * cannot drive the person's terminal.
 */
final class PluginInteraction {
    private static final int MAX_TEXT = 4096;

    private PluginInteraction() {}

    /**
     * Answers one of the four commands.
     *
     * @return false when the command is none of them (the caller decides what else it may be)
     */
    static boolean handle(PluginConnection connection, PluginWire.Message message, AgeUi ui) throws AgePluginException {
        String name = connection.name();
        switch (message.type()) {
            case "msg" -> {
                connection.respond(ui.displayMessage(name, text(message.bodyText())) ? "ok" : "fail");
                return true;
            }
            case "request-public", "request-secret" -> {
                boolean secret = message.type().equals("request-secret");
                Optional<char[]> value = ui.requestValue(name, text(message.bodyText()), secret);
                if (value.isEmpty()) {
                    connection.respond("fail");
                    return true;
                }
                byte[] bytes = utf8(value.get());
                try {
                    connection.send("ok", List.of(), bytes);
                    connection.flush();
                } finally {
                    KeyBytes.zero(bytes);
                    KeyBytes.zero(value.get());
                }
                return true;
            }
            case "confirm" -> {
                confirm(connection, message, ui);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void confirm(PluginConnection connection, PluginWire.Message message, AgeUi ui)
            throws AgePluginException {
        List<String> arguments = message.arguments();
        if (arguments.isEmpty() || arguments.size() > 2) {
            throw connection.protocolError("confirm command has " + arguments.size()
                    + " arguments; expected the yes option and, optionally, the no option");
        }
        String yes;
        Optional<String> no;
        try {
            yes = text(new String(StrictBase64.decode(arguments.get(0)), StandardCharsets.UTF_8));
            no = arguments.size() == 2
                    ? Optional.of(text(new String(StrictBase64.decode(arguments.get(1)), StandardCharsets.UTF_8)))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            throw connection.protocolError("confirm command option is not base64: " + e.getMessage());
        }
        switch (ui.confirm(connection.name(), text(message.bodyText()), yes, no)) {
            case YES -> connection.respond("ok", "yes");
            case NO -> connection.respond("ok", "no");
            case UNAVAILABLE -> connection.respond("fail");
        }
    }

    /** A plugin's text made safe to show: no control characters, bounded length. */
    static String text(String raw) {
        String cut = raw.length() > MAX_TEXT ? raw.substring(0, MAX_TEXT) + "…" : raw;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            boolean control = Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t';
            out.appendCodePoint(control ? '?' : c);
        });
        return out.toString();
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        buffer.clear();
        while (buffer.hasRemaining()) {
            buffer.put((byte) 0);
        }
        return out;
    }
}
