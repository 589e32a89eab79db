package com.webgrip.deploy.cli;

import com.webgrip.deploy.age.Age;
import com.webgrip.deploy.age.AgeInspection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code webgrip-deploy age-inspect}: what an age file's header and size tell, without a key. */
@Command(
        name = "age-inspect",
        mixinStandardHelpOptions = true,
        description = "Shows an age file's stanza types, armor, post-quantum status and sizes without decrypting it.")
final class AgeInspectCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Parameters(arity = "0..1", paramLabel = "INPUT", description = "The file (default standard input).")
    Path input;

    AgeInspectCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        AgeInspection inspection;
        try (InputStream in =
                input == null || input.toString().equals("-") ? context.stdin() : Files.newInputStream(input)) {
            inspection = Age.inspect(in);
        }
        String text = json ? json(inspection) : human(inspection);
        context.stdout().write(text.getBytes(StandardCharsets.UTF_8));
        context.stdout().flush();
        return 0;
    }

    static String human(AgeInspection inspection) {
        StringBuilder out = new StringBuilder();
        out.append(inspection.version()).append(inspection.armored() ? " file, ASCII-armored\n" : " file\n");
        out.append("stanzas: ")
                .append(String.join(", ", inspection.stanzaTypes()))
                .append('\n');
        out.append("post-quantum: ")
                .append(inspection.postQuantum().name().toLowerCase(Locale.ROOT))
                .append('\n');
        out.append("size: ").append(inspection.fileSize()).append(" bytes\n");
        out.append("  header: ").append(inspection.headerSize()).append(" bytes\n");
        if (inspection.armored()) {
            out.append("  armor: ").append(inspection.armorOverhead()).append(" bytes\n");
        }
        out.append("  encryption overhead: ")
                .append(inspection.streamOverhead())
                .append(" bytes\n");
        out.append("  payload: ")
                .append(
                        inspection.payloadSize().isPresent()
                                ? inspection.payloadSize().getAsLong() + " bytes"
                                : "unknown (the payload's length fits no sequence of chunks)")
                .append('\n');
        return out.toString();
    }

    static String json(AgeInspection inspection) {
        return "{\"version\":" + quote(inspection.version())
                + ",\"armored\":" + inspection.armored()
                + ",\"postquantum\":" + quote(inspection.postQuantum().name().toLowerCase(Locale.ROOT))
                + ",\"stanza_types\":["
                + inspection.stanzaTypes().stream()
                        .map(AgeInspectCommand::quote)
                        .collect(Collectors.joining(","))
                + "],\"sizes\":{\"total\":" + inspection.fileSize()
                + ",\"header\":" + inspection.headerSize()
                + ",\"armor\":" + inspection.armorOverhead()
                + ",\"overhead\":" + inspection.streamOverhead()
                + ",\"payload\":"
                + (inspection.payloadSize().isPresent()
                        ? inspection.payloadSize().getAsLong()
                        : "null")
                + "}}\n";
    }

    /** A JSON string; stanza types are printable ASCII, so only {@code "} and {@code \} need escaping. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
