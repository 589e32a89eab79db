package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.HelmInputException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a packaged chart ({@code .tgz}) as Helm 3.21's {@code LoadArchiveFiles} does: the first path element is the
 * chart's folder and is dropped; absolute paths, paths that climb out ({@code ..}), Windows drive paths and a
 * Chart.yaml outside the chart's folder are rejected; at most 5 MiB per file is decompressed, counted as bytes are
 * read (a gzip bomb stops at the bound), and every entry and byte is taken from the {@link LoadBudget} of the whole
 * load, which a nested archive shares with the chart it sits in. Entries that are not regular files (directories,
 * links, PAX headers) are counted and skipped.
 */
final class ChartArchive {
    private static final Pattern DRIVE = Pattern.compile("^[a-zA-Z]:/.*");

    private ChartArchive() {}

    static Map<String, byte[]> read(InputStream raw, String name, LoadBudget budget) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(3);
        byte[] magic = in.readNBytes(3);
        in.reset();
        if (magic.length < 3 || (magic[0] & 0xFF) != 0x1F || (magic[1] & 0xFF) != 0x8B || magic[2] != 8) {
            throw new HelmInputException(name, 0, "does not appear to be a gzipped chart archive");
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                budget.takeFile(name);
                if (!entry.isFile()) {
                    continue;
                }
                String path = checkedPath(entry.getName(), name);
                if (entry.getSize() > ChartLoader.MAX_FILE_SIZE) {
                    throw new HelmInputException(
                            name,
                            0,
                            "decompressed chart file '" + path + "' is larger than the maximum file size "
                                    + ChartLoader.MAX_FILE_SIZE);
                }
                budget.checkDeclaredSize(entry.getSize(), name);
                byte[] data = readBounded(tar, budget.nextFileLimit(), name);
                budget.takeBytes(data.length, name);
                files.put(path, data);
            }
        } catch (HelmInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new HelmInputException(name, 0, "not a readable gzipped tar archive: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new HelmInputException(name, 0, "no files in chart archive");
        }
        return files;
    }

    private static String checkedPath(String entryName, String archive) throws HelmInputException {
        String delimiter = entryName.indexOf('\\') >= 0 ? "\\" : "/";
        String[] parts = entryName.split(Pattern.quote(delimiter), -1);
        if (parts[0].equals("Chart.yaml")) {
            throw new HelmInputException(archive, 0, "chart yaml not in base directory");
        }
        String joined = String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length));
        if (joined.startsWith("/")) {
            throw new HelmInputException(archive, 0, "chart illegally contains absolute paths");
        }
        String clean = clean(joined);
        if (clean.equals(".")) {
            throw new HelmInputException(
                    archive, 0, "chart illegally contains content outside the base directory: '" + entryName + "'");
        }
        if (clean.startsWith("..")) {
            throw new HelmInputException(archive, 0, "chart illegally references parent directory");
        }
        if (DRIVE.matcher(clean).matches()) {
            throw new HelmInputException(archive, 0, "chart contains illegally named files");
        }
        return clean;
    }

    /** Go's {@code path.Clean} for a relative path. */
    static String clean(String path) {
        java.util.Deque<String> out = new java.util.ArrayDeque<>();
        int climbs = 0;
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                } else {
                    climbs++;
                }
                continue;
            }
            out.addLast(part);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < climbs; i++) {
            sb.append(sb.length() == 0 ? "" : "/").append("..");
        }
        for (String part : out) {
            sb.append(sb.length() == 0 ? "" : "/").append(part);
        }
        return sb.length() == 0 ? "." : sb.toString();
    }

    private static byte[] readBounded(InputStream in, long limit, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new HelmInputException(
                        name, 0, "decompressed chart exceeds the size bound of " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        byte[] data = out.toByteArray();
        return data;
    }
}
