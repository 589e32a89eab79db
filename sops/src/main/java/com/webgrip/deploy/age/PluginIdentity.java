package com.webgrip.deploy.age;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.Destroyable;

/**
 * An identity handled by a plugin ({@code AGE-PLUGIN-NAME-1…}). Each {@link #unwrap} runs
 * {@code age-plugin-NAME --age-plugin=identity-v1} once and hands it every stanza of the header.
 * The identity text may hold key material: it is kept as bytes, zeroed by {@link #destroy()}, and
 * never printed.
 */
final class PluginIdentity implements Identity, Destroyable {
    private final AgePlugins config;
    private final String name;
    private final byte[] encoding;
    private volatile boolean destroyed;

    PluginIdentity(AgePlugins config, String name, String encoding) {
        this.config = Objects.requireNonNull(config, "config");
        this.name = Objects.requireNonNull(name, "name");
        this.encoding = encoding.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Optional<FileKey> unwrap(List<Stanza> stanzas) throws AgeException {
        checkLive();
        FileKey fileKey = null;
        try (PluginConnection connection = PluginConnection.start(config, name, "identity-v1")) {
            connection.send("add-identity", new String(encoding, StandardCharsets.US_ASCII));
            connection.sendGrease();
            for (Stanza stanza : stanzas) {
                List<String> arguments = new ArrayList<>();
                arguments.add("0");
                arguments.add(stanza.type());
                arguments.addAll(stanza.arguments());
                connection.send("recipient-stanza", arguments, stanza.body());
            }
            connection.send("done");
            connection.flush();
            while (true) {
                PluginWire.Message message = connection.receive();
                switch (message.type()) {
                    case "file-key" -> {
                        try {
                            fileKey = fileKeyOf(connection, message, fileKey);
                        } finally {
                            message.destroy();
                        }
                        connection.respond("ok");
                    }
                    case "error" -> {
                        connection.respond("ok");
                        throw new AgePluginException(
                                name, AgePluginException.Reason.PLUGIN_ERROR, PluginRecipient.describeError(message));
                    }
                    case "done" -> {
                        FileKey found = fileKey;
                        fileKey = null;
                        return Optional.ofNullable(found);
                    }
                    default -> {
                        if (!PluginInteraction.handle(connection, message, config.ui())) {
                            connection.respond("unsupported");
                        }
                    }
                }
            }
        } finally {
            if (fileKey != null) {
                fileKey.destroy();
            }
        }
    }

    private static FileKey fileKeyOf(PluginConnection connection, PluginWire.Message message, FileKey earlier)
            throws AgePluginException {
        if (earlier != null) {
            throw connection.protocolError("sent a second file key for the same file");
        }
        if (message.arguments().size() != 1) {
            throw connection.protocolError(
                    "file-key has " + message.arguments().size() + " arguments; expected 1 (the file index)");
        }
        if (!message.arguments().get(0).equals("0")) {
            throw connection.protocolError("file-key is for file "
                    + SshPublicKey.printable(message.arguments().get(0)) + "; expected 0 (one file was sent)");
        }
        if (message.body().length != FileKey.LENGTH) {
            throw connection.protocolError(
                    "file-key holds " + message.body().length + " bytes; expected " + FileKey.LENGTH);
        }
        return FileKey.of(message.body());
    }

    /** The recipient that wraps to this identity's key through the plugin, with the same settings. */
    Recipient recipient() {
        return recipient(config);
    }

    /** The recipient that wraps to this identity's key through the plugin ({@code add-identity}). */
    Recipient recipient(AgePlugins plugins) {
        checkLive();
        return new PluginRecipient(plugins, name, encoding, true);
    }

    String pluginName() {
        return name;
    }

    @Override
    public String typeName() {
        return "plugin " + name;
    }

    @Override
    public void destroy() {
        KeyBytes.zero(encoding);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("plugin identity was destroyed");
        }
    }

    @Override
    public String toString() {
        return "PluginIdentity[" + name + "]";
    }
}
