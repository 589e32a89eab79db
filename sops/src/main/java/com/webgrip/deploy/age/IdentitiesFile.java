package com.webgrip.deploy.age;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The grammar of an identities file: lines, comments, PEM blocks, and whole-file forms. */
final class IdentitiesFile {
    private IdentitiesFile() {}

    static List<Identity> parse(String content, String source, AgeUi ui) throws AgeKeyException {
        String start = content.stripLeading();
        if (start.startsWith(ArmorInputStream.BEGIN)) {
            return List.of(new EncryptedIdentitiesFile(content.getBytes(StandardCharsets.UTF_8), source, ui));
        }
        if (start.startsWith("age-encryption.org/")) {
            throw new AgeKeyException(source + ": a binary age-encrypted identities file cannot be read from text;"
                    + " read it as bytes (AgeKeys.readIdentitiesFile or parseIdentities(byte[], ...))");
        }
        List<String> lines = content.lines().collect(Collectors.toList());
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("-----BEGIN ")) {
                i = parseBlock(lines, i, source, ui, identities);
                continue;
            }
            try {
                identities.add(AgeKeys.parseIdentity(line, ui));
            } catch (AgeKeyException e) {
                throw new AgeKeyException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (identities.isEmpty()) {
            throw new AgeKeyException(source + ": no identities found");
        }
        return List.copyOf(identities);
    }

    /** Parses the PEM block that begins at {@code begin}; returns the index of its END line. */
    private static int parseBlock(List<String> lines, int begin, String source, AgeUi ui, List<Identity> out)
            throws AgeKeyException {
        String beginLine = lines.get(begin).strip();
        String endLine = "-----END " + beginLine.substring("-----BEGIN ".length());
        int end = begin + 1;
        while (end < lines.size() && !lines.get(end).strip().equals(endLine)) {
            end++;
        }
        if (end == lines.size()) {
            throw new AgeKeyException(
                    source + " line " + (begin + 1) + ": PEM block has no END line; expected " + endLine);
        }
        for (KeyFormats.IdentityBlockFormat format : KeyFormats.IDENTITY_BLOCKS) {
            if (format.recognizesBeginLine().test(beginLine)) {
                String block = String.join("\n", lines.subList(begin, end + 1)) + "\n";
                try {
                    out.addAll(format.parser().parse(block, source, ui));
                } catch (AgeKeyException | IllegalArgumentException e) {
                    throw new AgeKeyException(source + " line " + (begin + 1) + ": " + e.getMessage(), e);
                }
                return end;
            }
        }
        throw new AgeKeyException(source + " line " + (begin + 1) + ": unrecognized PEM block; expected one of: "
                + KeyFormats.IDENTITY_BLOCKS.stream()
                        .map(KeyFormats.IdentityBlockFormat::description)
                        .collect(Collectors.joining(", ")));
    }
}
