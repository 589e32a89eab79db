package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The text form of plugin commands: what is written reads back, and what the format forbids is refused. */
class PluginWireTest {

    private static PluginWire.Message read(String text) throws Exception {
        return PluginWire.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Property(tries = 200)
    void everyCommandReadsBackAsItWasWritten(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) String type,
            @ForAll @Size(max = 4) List<@AlphaChars @StringLength(min = 1, max = 10) String> arguments,
            @ForAll @Size(max = 300) byte[] body)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PluginWire.write(out, type, arguments, body);
        PluginWire.write(out, "done", List.of(), new byte[0]);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        PluginWire.Message message = PluginWire.read(in);
        assertThat(message.type()).isEqualTo(type);
        assertThat(message.arguments()).isEqualTo(arguments);
        assertThat(message.body()).isEqualTo(body);
        assertThat(PluginWire.read(in).type()).isEqualTo("done");
        assertThat(PluginWire.read(in)).isNull();
    }

    @Test
    void aBodyOfWholeLinesEndsWithAnEmptyLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PluginWire.write(out, "x", List.of(), new byte[48]);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("-> x\n" + "A".repeat(64) + "\n\n");
    }

    @Test
    void refusesWhatTheFormatForbids() {
        assertThatThrownBy(() -> read("ok\n\n")).hasMessageContaining("starting with \"-> \"");
        assertThatThrownBy(() -> read("-> ok  x\n\n")).hasMessageContaining("empty argument");
        assertThatThrownBy(() -> read("-> ok\n" + "A".repeat(65) + "\n")).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> read("-> ok\nAB\n")).hasMessageContaining("not canonical");
        assertThatThrownBy(() -> read("-> ok\nAA==\n")).hasMessageContaining("without padding");
        assertThatThrownBy(() -> read("-> ok\r\n\n")).hasMessageContaining("byte 0x0d");
        assertThatThrownBy(() -> read("-> ok é\n\n")).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> read("-> " + "a".repeat(PluginWire.MAX_LINE) + "\n\n"))
                .hasMessageContaining("longer than");
        assertThatThrownBy(() -> read("-> ok\n" + "A".repeat(64) + "\n")).isInstanceOf(EOFException.class);
    }

    @Test
    void aCleanEndIsNullButAnEndInsideACommandIsAnError() throws Exception {
        assertThat(read("")).isNull();
        assertThatThrownBy(() -> read("-> ok")).isInstanceOf(EOFException.class);
    }
}
