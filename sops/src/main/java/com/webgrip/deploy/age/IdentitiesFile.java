package com.webgrip.deploy.age;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The grammar of an identities file: lines, comments, PEM blocks, and whole-file forms. */
final class IdentitiesFile {
    private IdentitiesFile() {}

    static List<Identity> parse(String content, String source) throws AgeKeyException {
        String start = content.stripLeading();
        if (start.startsWith("age-encryption.org/") || start.startsWith("-----BEGIN AGE ENCRYPTED FILE-----")) {
            throw new AgeKeyException(
                    source + ": passphrase-encrypted identities files are not supported by this build yet");
        }
        List<String> lines = content.lines().collect(Collectors.toList());
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("-----BEGIN ")) {
                i = parseBlock(lines, i, source, identities);
                continue;
            }
            try {
                identities.add(AgeKeys.parseIdentity(line));
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
    private static int parseBlock(List<String> lines, int begin, String source, List<Identity> out)
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
                    out.addAll(format.parser().parse(block));
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
