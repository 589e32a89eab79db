package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.HelmInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Helm 3.21's {@code loader.LoadDir} walk: the files of a chart folder, in lexical order, minus what the folder's
 * .helmignore (and Helm's default rule) leaves out; a left-out folder is not entered. Only the top folder's
 * .helmignore counts: a subchart folder's own .helmignore is one of its files, as in Helm. Files and bytes are taken
 * from the load's {@link LoadBudget}, which the archives under {@code charts/} share.
 *
 * <p>Symbolic links: Helm follows every link, logging a warning, even one that leads out of the chart, so a chart
 * from elsewhere could make its loader read any file the process may read. Here a link is followed only when its
 * target, every link in it resolved, lies inside the chart folder (resolved the same way); a link whose target is
 * outside is refused with a {@link HelmInputException} naming the link, and so is a link back to a folder that
 * contains it (Helm walks such a loop until the path is too long). A broken link is refused as in Helm. A link the
 * .helmignore leaves out is never followed, so it is not refused for where it leads. Irregular files (devices,
 * sockets, pipes) are skipped rather than refused.
 */
final class ChartFolder {
    /** Bounds the folders and files visited, ignored ones included. */
    static final int MAX_ENTRIES = 10 * ChartLoader.MAX_FILES;

    private final Path root;
    private final Path realRoot;
    private final LoadBudget budget;
    private final Map<String, byte[]> files = new TreeMap<>();
    /** The real folders from the top down to the one being walked: entering one of them again is a loop. */
    private final Set<Path> walking = new HashSet<>();

    private HelmIgnore rules = HelmIgnore.defaults();
    private int entries;

    private ChartFolder(Path root, Path realRoot, LoadBudget budget) {
        this.root = root;
        this.realRoot = realRoot;
        this.budget = budget;
    }

    /**
     * Reads the files Helm would load, keyed by their path relative to the folder (with {@code /}).
     *
     * @throws HelmInputException for a .helmignore Helm refuses, a symbolic link this class refuses, or a folder
     *     beyond the budget
     */
    static Map<String, byte[]> read(Path root, LoadBudget budget) throws IOException {
        ChartFolder folder = new ChartFolder(root, root.toRealPath(), budget);
        folder.readIgnoreFile();
        folder.walk(folder.realRoot, "");
        return folder.files;
    }

    private void readIgnoreFile() throws IOException {
        Path ignoreFile = realRoot.resolve(HelmIgnore.FILE);
        if (Files.isSymbolicLink(ignoreFile)) {
            ignoreFile = followInside(ignoreFile, HelmIgnore.FILE);
        }
        if (Files.isRegularFile(ignoreFile)) {
            String source = source(HelmIgnore.FILE);
            if (Files.size(ignoreFile) > ChartLoader.MAX_FILE_SIZE) {
                throw new HelmInputException(source, 0, "larger than " + ChartLoader.MAX_FILE_SIZE);
            }
            rules = HelmIgnore.parse(Files.readAllBytes(ignoreFile), source);
        }
    }

    private void walk(Path realDir, String prefix) throws IOException {
        walking.add(realDir);
        List<Path> children;
        try (Stream<Path> list = Files.list(realDir)) {
            children = new ArrayList<>(list.toList());
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            if (++entries > MAX_ENTRIES) {
                throw new HelmInputException(
                        root.toString(), 0, "a chart folder with more than " + MAX_ENTRIES + " files and folders");
            }
            String name = prefix + child.getFileName();
            Path target = child;
            BasicFileAttributes attributes =
                    Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean link = attributes.isSymbolicLink();
            if (link) {
                target = resolve(child, name);
                attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            }
            if (rules.ignores(name, attributes.isDirectory())) {
                continue;
            }
            if (link) {
                checkInside(target, name);
            }
            if (attributes.isDirectory()) {
                if (walking.contains(target)) {
                    throw new HelmInputException(
                            source(name), 0, "a loop of symbolic links: this folder is reached again inside itself");
                }
                walk(target, name + "/");
            } else if (attributes.isRegularFile()) {
                add(target, name, attributes.size());
            }
        }
        walking.remove(realDir);
    }

    private Path followInside(Path link, String name) throws IOException {
        Path target = resolve(link, name);
        checkInside(target, name);
        return target;
    }

    private Path resolve(Path link, String name) throws IOException {
        try {
            return link.toRealPath();
        } catch (IOException e) {
            throw new HelmInputException(
                    source(name),
                    0,
                    "symbolic link cannot be resolved: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    private void checkInside(Path target, String name) throws HelmInputException {
        if (!target.startsWith(realRoot)) {
            // The target is not named: it lies outside the chart and is none of the chart's business.
            throw new HelmInputException(
                    source(name), 0, "symbolic link leads out of the chart folder; expected a target inside it");
        }
    }

    private void add(Path file, String name, long size) throws IOException {
        String source = source(name);
        budget.takeFile(source);
        if (size > ChartLoader.MAX_FILE_SIZE) {
            throw new HelmInputException(
                    source,
                    0,
                    "chart file is larger than the maximum file size " + ChartLoader.MAX_FILE_SIZE + " bytes");
        }
        budget.checkDeclaredSize(size, source);
        long limit = budget.nextFileLimit();
        byte[] data;
        try (InputStream in = Files.newInputStream(file)) {
            data = in.readNBytes(Math.toIntExact(limit) + 1);
        }
        if (data.length > limit) {
            throw new HelmInputException(source, 0, "chart file grew past " + limit + " bytes while it was read");
        }
        budget.takeBytes(data.length, source);
        files.put(name, data);
    }

    /** The file as the caller named it: under the folder given, not under its resolved path. */
    private String source(String name) {
        return root.resolve(name).toString();
    }
}
