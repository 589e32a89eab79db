package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.HelmInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Helm 3.21's {@code loader.LoadDir} walk: the files of a chart folder, in lexical order, minus what the folder's
 * .helmignore (and Helm's default rule) leaves out; a left-out folder is not entered. Only the top folder's
 * .helmignore counts: a subchart folder's own .helmignore is one of its files, as in Helm.
 *
 * <p>Unlike Helm, symbolic links are not followed (Helm follows them, logging a warning, even out of the chart) and
 * irregular files (devices, sockets, pipes) are skipped rather than refused.
 */
final class ChartFolder {
    /** Bounds the folders and files visited, ignored ones included. */
    static final int MAX_ENTRIES = 10 * ChartLoader.MAX_FILES;

    private final Path root;
    private final HelmIgnore rules;
    private final Map<String, byte[]> files = new TreeMap<>();
    private long total;
    private int entries;

    private ChartFolder(Path root, HelmIgnore rules) {
        this.root = root;
        this.rules = rules;
    }

    /**
     * Reads the files Helm would load, keyed by their path relative to the folder (with {@code /}).
     *
     * @throws HelmInputException for a .helmignore Helm refuses, or a folder beyond the loader's bounds
     */
    static Map<String, byte[]> read(Path root) throws IOException {
        Path ignoreFile = root.resolve(HelmIgnore.FILE);
        HelmIgnore rules = HelmIgnore.defaults();
        if (Files.isRegularFile(ignoreFile)) {
            if (Files.size(ignoreFile) > ChartLoader.MAX_FILE_SIZE) {
                throw new HelmInputException(ignoreFile.toString(), 0, "larger than " + ChartLoader.MAX_FILE_SIZE);
            }
            rules = HelmIgnore.parse(Files.readAllBytes(ignoreFile), ignoreFile.toString());
        }
        ChartFolder folder = new ChartFolder(root, rules);
        folder.walk(root, "");
        return folder.files;
    }

    private void walk(Path dir, String prefix) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = new ArrayList<>(list.toList());
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            if (++entries > MAX_ENTRIES) {
                throw new HelmInputException(
                        root.toString(), 0, "a chart folder with more than " + MAX_ENTRIES + " files and folders");
            }
            String name = prefix + child.getFileName();
            BasicFileAttributes attributes =
                    Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isDirectory()) {
                if (!rules.ignores(name, true)) {
                    walk(child, name + "/");
                }
            } else if (attributes.isRegularFile() && !rules.ignores(name, false)) {
                add(child, name, attributes.size());
            }
        }
    }

    private void add(Path file, String name, long size) throws IOException {
        if (files.size() >= ChartLoader.MAX_FILES) {
            throw new HelmInputException(
                    root.toString(), 0, "a chart folder with more than " + ChartLoader.MAX_FILES + " files");
        }
        if (size > ChartLoader.MAX_FILE_SIZE) {
            throw new HelmInputException(
                    file.toString(),
                    0,
                    "chart file is larger than the maximum file size " + ChartLoader.MAX_FILE_SIZE + " bytes");
        }
        total += size;
        if (total > ChartLoader.MAX_CHART_SIZE) {
            throw new HelmInputException(
                    root.toString(), 0, "chart is larger than " + ChartLoader.MAX_CHART_SIZE + " bytes");
        }
        files.put(name, Files.readAllBytes(file));
    }
}
