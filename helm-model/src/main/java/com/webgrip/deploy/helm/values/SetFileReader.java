package com.webgrip.deploy.helm.values;

import com.webgrip.deploy.helm.HelmInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the files a {@code --set-file} expression names, as Helm 3.21's {@code readFile} does for a local path: the
 * whole file becomes a string (read as UTF-8; Helm keeps the raw bytes), whatever it looks like. Relative paths are
 * resolved against a base folder (Helm: the working directory). Two of Helm's sources are refused rather than read:
 * {@code -} (standard input; a library does not own it) and {@code scheme://} URLs (Helm downloads those; nothing
 * here touches the network).
 */
final class SetFileReader {
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);

    private final Path base;
    private final Map<String, String> contents = new LinkedHashMap<>();

    private SetFileReader(Path base) {
        this.base = base;
    }

    /**
     * Parses the expression against an empty tree, reading every file it names, and returns what was read, by the
     * path as written.
     *
     * @throws HelmInputException when a file cannot be read or names a source that is refused
     * @throws InvalidSetExpressionException when the expression is not valid {@code --set-file} syntax
     */
    static Map<String, String> readAll(String expression, Path base) throws IOException {
        SetFileReader reader = new SetFileReader(base);
        try {
            SetParser.parseInto(expression, new LinkedHashMap<>(), SetParser.Mode.FILE, reader::read);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return Map.copyOf(reader.contents);
    }

    private String read(String path) {
        String known = contents.get(path);
        if (known != null) {
            return known;
        }
        try {
            String content = load(path);
            contents.put(path, content);
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String load(String path) throws IOException {
        if (path.strip().equals("-")) {
            throw new HelmInputException("--set-file", 0, "reading standard input (-) is not supported; name a file");
        }
        if (URL.matcher(path).matches()) {
            throw new HelmInputException(
                    "--set-file", 0, "\"" + path + "\" is a URL; files are never downloaded, name a local file");
        }
        Path file;
        try {
            file = base.resolve(path);
        } catch (InvalidPathException e) {
            throw new HelmInputException("--set-file", 0, "\"" + path + "\" is not a valid path");
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new HelmInputException("--set-file", 0, "open " + path + ": no such file or directory", e);
        } catch (IOException e) {
            throw new HelmInputException(
                    "--set-file", 0, "cannot read " + path + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
