package com.webgrip.deploy.age;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.InflaterInputStream;

/** One C2SP CCTV age vector: its textual header and its (inflated) age file. */
record CctvVector(
        String name,
        String expect,
        String payloadSha256,
        byte[] fileKey,
        List<String> identities,
        List<String> passphrases,
        boolean armored,
        byte[] body) {

    static CctvVector load(String name) throws IOException {
        byte[] all;
        try (InputStream in = CctvVector.class.getResourceAsStream("/age/cctv/testdata/" + name)) {
            if (in == null) {
                throw new IOException("no vector " + name);
            }
            all = in.readAllBytes();
        }
        int split = indexOf(all, "\n\n".getBytes(StandardCharsets.US_ASCII));
        String expect = null;
        String payload = null;
        byte[] fileKey = null;
        boolean armored = false;
        boolean compressed = false;
        List<String> identities = new ArrayList<>();
        List<String> passphrases = new ArrayList<>();
        for (String line : new String(all, 0, split, StandardCharsets.UTF_8).split("\n")) {
            int colon = line.indexOf(": ");
            String key = line.substring(0, colon);
            String value = line.substring(colon + 2);
            switch (key) {
                case "expect" -> expect = value;
                case "payload" -> payload = value;
                case "file key" -> fileKey = HexFormat.of().parseHex(value);
                case "identity" -> identities.add(value);
                case "passphrase" -> passphrases.add(value);
                case "armored" -> armored = value.equals("yes");
                case "compressed" -> compressed = value.equals("zlib");
                case "comment" -> {}
                default -> throw new IOException(name + ": unknown key " + key);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, split + 2, all.length);
        if (compressed) {
            try (InputStream inflating = new InflaterInputStream(new ByteArrayInputStream(body))) {
                body = inflating.readAllBytes();
            }
        }
        return new CctvVector(name, expect, payload, fileKey, identities, passphrases, armored, body);
    }

    static List<String> names() throws IOException {
        try (InputStream in = CctvVector.class.getResourceAsStream("/age/cctv/INDEX")) {
            if (in != null) {
                return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            }
        }
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
                java.util.Objects.requireNonNull(CctvVector.class.getResource("/age/cctv/testdata"))
                        .getPath()))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("no empty line after the vector's header");
    }
}
