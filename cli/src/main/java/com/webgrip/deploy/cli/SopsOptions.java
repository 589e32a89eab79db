package com.webgrip.deploy.cli;

import picocli.CommandLine.Option;

/** The flags sops's decrypt, encrypt, rotate and edit share, spelled as sops spells them. */
final class SopsOptions {
    @Option(
            names = {"-i", "--in-place"},
            description = "Write the result back to the file.")
    boolean inPlace;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the result to FILE.")
    String output;

    @Option(names = "--input-type", paramLabel = "TYPE", description = "yaml, json, dotenv, ini, binary or toml.")
    String inputType;

    @Option(names = "--output-type", paramLabel = "TYPE", description = "yaml, json, dotenv, ini, binary or toml.")
    String outputType;

    @Option(names = "--filename-override", paramLabel = "NAME", description = "The file name to use for stdin.")
    String filenameOverride;

    @Option(
            names = "--extract",
            paramLabel = "PATH",
            description = "Decrypt only the value at PATH, e.g. '[\"a\"][0]'.")
    String extract;

    @Option(names = "--ignore-mac", description = "Do not verify the MAC (for files known to be trustworthy).")
    boolean ignoreMac;

    @Option(
            names = {"-a", "--age"},
            paramLabel = "RECIPIENTS",
            description = "Comma-separated age recipients.")
    String age;

    @Option(
            names = {"-p", "--pgp"},
            paramLabel = "FPS",
            description = "Comma-separated PGP fingerprints.")
    String pgp;

    @Option(names = "--unencrypted-suffix", paramLabel = "S")
    String unencryptedSuffix;

    @Option(names = "--encrypted-suffix", paramLabel = "S")
    String encryptedSuffix;

    @Option(names = "--unencrypted-regex", paramLabel = "RE")
    String unencryptedRegex;

    @Option(names = "--encrypted-regex", paramLabel = "RE")
    String encryptedRegex;

    @Option(names = "--unencrypted-comment-regex", paramLabel = "RE")
    String unencryptedCommentRegex;

    @Option(names = "--encrypted-comment-regex", paramLabel = "RE")
    String encryptedCommentRegex;

    @Option(names = "--mac-only-encrypted", description = "Compute the MAC over encrypted values only.")
    boolean macOnlyEncrypted;

    @Option(names = "--shamir-secret-sharing-threshold", paramLabel = "N")
    int shamirThreshold;

    @Option(names = "--config", paramLabel = "FILE", description = "The .sops.yaml to use.")
    String config;

    @Option(names = "--indent", paramLabel = "N", description = "Indentation of YAML and JSON output.")
    int indent;

    @Option(
            names = "--keep-anchors",
            description = "Keep YAML anchors, aliases and merge keys instead of expanding them (ours: files"
                    + " written this way are readable by webgrip-deploy only, with this flag).")
    boolean keepAnchors;

    @Option(names = "--decryption-order", paramLabel = "TYPES", description = "Key types to try, e.g. age,pgp.")
    String decryptionOrder;

    @Option(names = "--add-age")
    String addAge;

    @Option(names = "--rm-age")
    String rmAge;

    @Option(names = "--add-pgp")
    String addPgp;

    @Option(names = "--rm-pgp")
    String rmPgp;
}
