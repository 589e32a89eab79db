package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin client against a test plugin (resources age/plugin/age-plugin-test, a bash script
 * installed under several names in a temporary search path; each name is one behaviour).
 */
class AgePluginsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PLAINTEXT = "through a plugin".getBytes(StandardCharsets.UTF_8);
    private static final FileKey FILE_KEY = FileKey.of(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6});

    @TempDir
    static Path pluginDir;

    @BeforeAll
    static void installTestPlugins() {
        TestPlugins.install(pluginDir);
    }

    /** A UI that records what it is asked and answers from fields the test sets. */
    static final class RecordingUi implements AgeUi {
        final List<String> events = new ArrayList<>();
        String secret = "1234";
        AgeUi.Confirmation confirmation = AgeUi.Confirmation.YES;

        @Override
        public synchronized boolean displayMessage(String source, String message) {
            events.add("msg " + source + ": " + message);
            return true;
        }

        @Override
        public synchronized Optional<char[]> requestValue(String source, String prompt, boolean secretValue) {
            events.add((secretValue ? "secret " : "public ") + source + ": " + prompt);
            return Optional.of((secretValue ? secret : "Ada").toCharArray());
        }

        @Override
        public synchronized Confirmation confirm(String source, String prompt, String yes, Optional<String> no) {
            events.add("confirm " + source + ": " + prompt + " [" + yes + "/" + no.orElse("-") + "]");
            return confirmation;
        }

        @Override
        public synchronized void waiting(String source) {
            events.add("waiting " + source);
        }
    }

    private static AgePlugins plugins(AgeUi ui) {
        return AgePlugins.builder()
                .searchPath(List.of(pluginDir))
                .ui(ui)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private static byte[] data() {
        byte[] data = new byte[12];
        RANDOM.nextBytes(data);
        return data;
    }

    private static String recipient(String name, byte[] data) {
        return Bech32.encode("age1" + name, data);
    }

    private static String identity(String name, byte[] data) {
        return Bech32.encodeUpper("AGE-PLUGIN-" + name.toUpperCase(java.util.Locale.ROOT) + "-", data);
    }

    @Test
    void wrapsWithTheRecipientPluginAndUnwrapsWithTheIdentityPlugin() throws Exception {
        AgePlugins plugins = plugins(AgeUi.nonInteractive());
        byte[] data = data();
        Recipient recipient = plugins.recipient(recipient("test", data));
        Identity identity = plugins.identity(identity("test", data));

        List<Stanza> stanzas = recipient.wrap(FILE_KEY);
        assertThat(stanzas)
                .singleElement()
                .satisfies(stanza -> assertThat(stanza.type()).isEqualTo("test"));
        assertThat(identity.unwrap(stanzas)).contains(FILE_KEY);

        byte[] file = Age.encryptor().recipient(recipient).armor(true).build().encrypt(PLAINTEXT);
        assertThat(Age.decryptor().identity(identity).build().decrypt(file)).isEqualTo(PLAINTEXT);
    }

    @Test
    void theRecipientOfAPluginIdentityWrapsThroughAddIdentity() throws Exception {
        AgePlugins plugins = plugins(AgeUi.nonInteractive());
        Identity identity = plugins.identity(identity("test", data()));
        List<Stanza> stanzas = plugins.recipientOf(identity).wrap(FILE_KEY);
        assertThat(identity.unwrap(stanzas)).contains(FILE_KEY);
        assertThat(plugins.recipientOf(identity).toString()).doesNotContain("AGE-PLUGIN");
        // AgeKeys.recipientOf (age -e -i) keeps the settings the identity was made with.
        Recipient viaAgeKeys = AgeKeys.recipientOf(identity);
        assertThat(viaAgeKeys.typeName()).isEqualTo("plugin test");
        assertThat(identity.unwrap(viaAgeKeys.wrap(FILE_KEY))).contains(FILE_KEY);
    }

    @Test
    void anIdentityWhoseStanzaIsNotInTheHeaderFindsNothing() throws Exception {
        AgePlugins plugins = plugins(AgeUi.nonInteractive());
        List<Stanza> stanzas = plugins.recipient(recipient("test", data())).wrap(FILE_KEY);
        Identity other = plugins.identity(identity("test", data()));
        assertThat(other.unwrap(stanzas)).isEmpty();
        byte[] file = Age.encryptor()
                .recipient(plugins.recipient(recipient("test", data())))
                .build()
                .encrypt(PLAINTEXT);
        assertThatThrownBy(() -> Age.decryptor().identity(other).build().decrypt(file))
                .isInstanceOf(NoIdentityMatchedException.class);
    }

    @Test
    void passesMessagesConfirmationsAndRequestsToTheUiAndAnswersUnknownCommands() throws Exception {
        RecordingUi ui = new RecordingUi();
        AgePlugins plugins = plugins(ui);
        byte[] data = data();
        List<Stanza> stanzas = plugins.recipient(recipient("testui", data)).wrap(FILE_KEY);
        assertThat(plugins.identity(identity("testui", data)).unwrap(stanzas)).contains(FILE_KEY);
        // The plugin checks that its unknown "future-command" was answered "unsupported".
        assertThat(ui.events)
                .containsExactly(
                        "msg testui: wrapping for the test key",
                        "msg testui: please touch the test key",
                        "confirm testui: use the test key? [use it/skip it]",
                        "secret testui: PIN of the test key",
                        "public testui: your name");
    }

    @Test
    void aDeclinedOrUnanswerableConfirmationGivesNoKey() throws Exception {
        byte[] data = data();
        List<Stanza> stanzas = plugins(AgeUi.nonInteractive())
                .recipient(recipient("testui", data))
                .wrap(FILE_KEY);
        RecordingUi declining = new RecordingUi();
        declining.confirmation = AgeUi.Confirmation.NO;
        assertThat(plugins(declining).identity(identity("testui", data)).unwrap(stanzas))
                .isEmpty();
        assertThat(plugins(AgeUi.nonInteractive())
                        .identity(identity("testui", data))
                        .unwrap(stanzas))
                .isEmpty();
    }

    @Test
    void aWrongPinIsThePluginsErrorWithoutThePin() throws Exception {
        byte[] data = data();
        List<Stanza> stanzas = plugins(AgeUi.nonInteractive())
                .recipient(recipient("testui", data))
                .wrap(FILE_KEY);
        RecordingUi ui = new RecordingUi();
        ui.secret = "0000";
        assertThatThrownBy(() -> plugins(ui).identity(identity("testui", data)).unwrap(stanzas))
                .isInstanceOfSatisfying(AgePluginException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AgePluginException.Reason.PLUGIN_ERROR);
                    assertThat(e.pluginName()).isEqualTo("testui");
                })
                .hasMessage("age plugin \"testui\": error (identity 0): wrong PIN")
                .hasMessageNotContaining("0000");
    }

    @Test
    void anErrorFromThePluginIsTypedOnBothSides() throws Exception {
        AgePlugins plugins = plugins(AgeUi.nonInteractive());
        assertThatThrownBy(
                        () -> plugins.recipient(recipient("testerror", data())).wrap(FILE_KEY))
                .isInstanceOf(AgePluginException.class)
                .hasMessage("age plugin \"testerror\": error (recipient 0): this recipient is revoked");
        List<Stanza> stanzas = plugins.recipient(recipient("test", data())).wrap(FILE_KEY);
        assertThatThrownBy(() -> plugins.identity(identity("testerror", data())).unwrap(stanzas))
                .isInstanceOf(AgePluginException.class)
                .hasMessage("age plugin \"testerror\": error (identity 0): the test key is not plugged in");
    }

    @Test
    void aPluginThatExitsEarlyIsReportedWithItsExitCode() {
        AgePlugins plugins = plugins(AgeUi.nonInteractive());
        assertThatThrownBy(() -> plugins.recipient(recipient("testdie", data())).wrap(FILE_KEY))
                .isInstanceOfSatisfying(
                        AgePluginException.class,
                        e -> assertThat(e.reason()).isEqualTo(AgePluginException.Reason.EXITED))
                .hasMessageContaining("exited with code 3 before the protocol was done");
    }

    @Test
    void aSilentPluginIsNoticedThenStoppedAtTheTimeout() {
        RecordingUi ui = new RecordingUi();
        AgePlugins plugins = AgePlugins.builder()
                .searchPath(List.of(pluginDir))
                .ui(ui)
                .waitNotice(Duration.ofMillis(50))
                .timeout(Duration.ofMillis(400))
                .build();
        assertThatThrownBy(() -> plugins.identity(identity("testhang", data())).unwrap(List.of()))
                .isInstanceOfSatisfying(
                        AgePluginException.class,
                        e -> assertThat(e.reason()).isEqualTo(AgePluginException.Reason.TIMED_OUT))
                .hasMessage("age plugin \"testhang\": did not answer within PT0.4S; it was stopped");
        // One timer thread runs both, in order of their delays: the notice always comes first.
        assertThat(ui.events).containsExactly("waiting testhang");
    }

    @Test
    void aPluginThatBreaksTheProtocolIsAProtocolError() {
        assertThatThrownBy(() -> plugins(AgeUi.nonInteractive())
                        .identity(identity("testgarbage", data()))
                        .unwrap(List.of()))
                .isInstanceOfSatisfying(
                        AgePluginException.class,
                        e -> assertThat(e.reason()).isEqualTo(AgePluginException.Reason.PROTOCOL))
                .hasMessageContaining("sent a malformed command: expected a command line starting with \"-> \"");
    }

    @Test
    void aStanzaOrFileKeyForAFileThatWasNotSentIsAProtocolError() throws Exception {
        AgePlugins plugins = plugins(AgeUi.nonInteractive());
        byte[] data = data();
        assertThatThrownBy(
                        () -> plugins.recipient(recipient("testbadindex", data)).wrap(FILE_KEY))
                .isInstanceOf(AgePluginException.class)
                .hasMessageContaining("recipient-stanza is for file \"1\"; expected 0");
        List<Stanza> stanzas = plugins.recipient(recipient("test", data)).wrap(FILE_KEY);
        assertThatThrownBy(
                        () -> plugins.identity(identity("testbadindex", data)).unwrap(stanzas))
                .isInstanceOfSatisfying(
                        AgePluginException.class,
                        e -> assertThat(e.reason()).isEqualTo(AgePluginException.Reason.PROTOCOL))
                .hasMessageContaining("file-key is for file \"1\"; expected 0");
    }

    @Test
    void aMissingPluginIsNotFound() throws Exception {
        Recipient absent = plugins(AgeUi.nonInteractive()).recipient(recipient("absent", data()));
        assertThatThrownBy(() -> absent.wrap(FILE_KEY))
                .isInstanceOfSatisfying(
                        AgePluginException.class,
                        e -> assertThat(e.reason()).isEqualTo(AgePluginException.Reason.NOT_FOUND))
                .hasMessage("age plugin \"absent\": no executable age-plugin-absent in the search path (1 folders)");
    }

    @Test
    void labelsThatAPluginTellsWhileWrappingDecideWhoMayShareTheFile() throws Exception {
        AgePlugins plugins = plugins(AgeUi.nonInteractive());
        Recipient pqPlugin = plugins.recipient(recipient("testpq", data()));
        AgeSecretKey pq = AgeKeys.generatePostQuantum(RANDOM);
        byte[] file = Age.encryptor()
                .recipient(pqPlugin)
                .recipient(pq.publicKey())
                .build()
                .encrypt(PLAINTEXT);
        assertThat(Age.decryptor().identity(pq).build().decrypt(file)).isEqualTo(PLAINTEXT);
        assertThat(pqPlugin.labels()).containsExactly("postquantum");

        Recipient classic = AgeKeys.generateX25519(RANDOM).publicKey();
        AgeEncryptor mixed = Age.encryptor()
                .recipient(plugins.recipient(recipient("testpq", data())))
                .recipient(classic)
                .build();
        assertThatThrownBy(() -> mixed.encrypt(PLAINTEXT))
                .isInstanceOf(AgeException.class)
                .hasMessageContaining("their labels differ once wrapped");
        assertThat(Age.encryptor()
                        .recipient(plugins.recipient(recipient("test", data())))
                        .recipient(classic)
                        .build()
                        .encrypt(PLAINTEXT))
                .isNotEmpty();
    }

    @Test
    void refusesPluginNamesOutsideLettersDigitsAndPlusMinusDotUnderscore() {
        for (String bad : List.of("te/st", "te$st", "te st")) {
            String hrp = "age1" + bad.replace(" ", "~");
            String encoded = Bech32.encode(hrp, new byte[4]);
            assertThatThrownBy(() -> AgeKeys.parseRecipient(encoded))
                    .isInstanceOf(AgeKeyException.class)
                    .hasMessageContaining("is not allowed; expected letters, digits and + - . _ only");
        }
        assertThatThrownBy(() -> AgeKeys.parseIdentity(Bech32.encodeUpper("AGE-PLUGIN-A/B-", new byte[4])))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("plugin name \"a/b\" is not allowed");
        assertThat(PluginNames.isValid("yubikey")).isTrue();
        assertThat(PluginNames.isValid("a.b+c-d_E9")).isTrue();
        assertThat(PluginNames.isValid("")).isFalse();
    }

    @Test
    void searchesOnlyTheAbsoluteFoldersOfPath() {
        assertThat(AgePlugins.searchPathOf(".:bin::/usr/local/bin:/usr/bin:"))
                .containsExactly(Path.of("/usr/local/bin"), Path.of("/usr/bin"));
        assertThatThrownBy(() -> AgePlugins.builder().searchPath(List.of(Path.of("relative"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPluginIdentityNeverPrintsItsKeyMaterial() throws Exception {
        String text = identity("test", data());
        Identity identity = plugins(AgeUi.nonInteractive()).identity(text);
        assertThat(identity.toString()).isEqualTo("PluginIdentity[test]");
        ((javax.security.auth.Destroyable) identity).destroy();
        assertThatThrownBy(() -> identity.unwrap(List.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void controlCharactersFromAPluginNeverReachTheUi() {
        assertThat(PluginInteraction.text("touch\u001b[2J the key\u0007\n")).isEqualTo("touch?[2J the key?\n");
    }
}
