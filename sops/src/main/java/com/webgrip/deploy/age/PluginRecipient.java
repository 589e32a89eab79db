package com.webgrip.deploy.age;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A recipient handled by a plugin ({@code age1NAME1…}), or the recipient of a plugin identity.
 * Each {@link #wrap} runs {@code age-plugin-NAME --age-plugin=recipient-v1} once.
 *
 * <p>Labels (C2SP age-plugin {@code extension-labels}) are known only once the plugin has
 * wrapped: {@link #labels()} is empty before, and the plugin's set after.
 */
final class PluginRecipient implements Recipient, DeferredLabels {
    private final AgePlugins config;
    private final String name;
    private final byte[] encoding;
    private final boolean identityBased;
    private volatile Set<String> labels;

    PluginRecipient(AgePlugins config, String name, String encoding) {
        this(config, name, encoding.getBytes(StandardCharsets.US_ASCII), false);
    }

    /** With {@code identityBased}, the encoding is an identity, sent with {@code add-identity}. */
    PluginRecipient(AgePlugins config, String name, byte[] encoding, boolean identityBased) {
        this.config = Objects.requireNonNull(config, "config");
        this.name = Objects.requireNonNull(name, "name");
        this.encoding = encoding.clone();
        this.identityBased = identityBased;
    }

    @Override
    public List<Stanza> wrap(FileKey fileKey) throws AgeException {
        List<Stanza> stanzas = new ArrayList<>();
        Set<String> received = null;
        try (PluginConnection connection = PluginConnection.start(config, name, "recipient-v1")) {
            connection.send(
                    identityBased ? "add-identity" : "add-recipient", new String(encoding, StandardCharsets.US_ASCII));
            connection.sendGrease();
            byte[] key = fileKey.bytes();
            try {
                connection.send("wrap-file-key", List.of(), key);
            } finally {
                KeyBytes.zero(key);
            }
            connection.send("extension-labels");
            connection.send("done");
            connection.flush();
            while (true) {
                PluginWire.Message message = connection.receive();
                switch (message.type()) {
                    case "recipient-stanza" -> {
                        stanzas.add(stanzaOf(connection, message));
                        connection.respond("ok");
                    }
                    case "labels" -> {
                        if (received != null) {
                            throw connection.protocolError("sent its labels twice");
                        }
                        received = new LinkedHashSet<>(message.arguments());
                        if (received.size() != message.arguments().size()) {
                            throw connection.protocolError("sent a label twice");
                        }
                        connection.respond("ok");
                    }
                    case "error" -> {
                        connection.respond("ok");
                        throw new AgePluginException(
                                name, AgePluginException.Reason.PLUGIN_ERROR, describeError(message));
                    }
                    case "done" -> {
                        if (stanzas.isEmpty()) {
                            throw connection.protocolError("finished without sending a recipient stanza");
                        }
                        labels = received == null ? Set.of() : Set.copyOf(received);
                        return List.copyOf(stanzas);
                    }
                    default -> {
                        if (!PluginInteraction.handle(connection, message, config.ui())) {
                            connection.respond("unsupported");
                        }
                    }
                }
            }
        }
    }

    private static Stanza stanzaOf(PluginConnection connection, PluginWire.Message message) throws AgePluginException {
        List<String> arguments = message.arguments();
        if (arguments.size() < 2) {
            throw connection.protocolError("recipient-stanza has " + arguments.size()
                    + " arguments; expected the file index and the stanza type");
        }
        if (!arguments.get(0).equals("0")) {
            throw connection.protocolError("recipient-stanza is for file " + SshPublicKey.printable(arguments.get(0))
                    + "; expected 0 (one file key was sent)");
        }
        return Stanza.of(arguments.get(1), arguments.subList(2, arguments.size()), message.body());
    }

    /** The text of an {@code error} command, with its variant (recipient N, identity N, internal). */
    static String describeError(PluginWire.Message message) {
        String variant =
                message.arguments().isEmpty() ? "error" : "error (" + String.join(" ", message.arguments()) + ")";
        return variant + ": " + PluginInteraction.text(message.bodyText());
    }

    @Override
    public boolean labelsKnown() {
        return labels != null;
    }

    @Override
    public Set<String> labels() {
        Set<String> known = labels;
        return known == null ? Set.of() : known;
    }

    @Override
    public String typeName() {
        return "plugin " + name;
    }

    /** The {@code age1NAME1…} text; for the recipient of an identity only the plugin name (the identity is secret). */
    @Override
    public String toString() {
        return identityBased
                ? "PluginRecipient[" + name + ", of an identity]"
                : new String(encoding, StandardCharsets.US_ASCII);
    }
}
