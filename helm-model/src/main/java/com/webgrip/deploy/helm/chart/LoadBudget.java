package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.HelmInputException;

/**
 * What one load of a chart may still read, shared by the chart and every subchart in it: folders under
 * {@code charts/}, {@code .tgz} archives under {@code charts/}, and archives nested in those at any depth. It counts
 * decompressed bytes, files (archive entries of every kind, files of a folder) and how deeply subcharts nest.
 *
 * <p>Each archive used to start with a fresh 100 MiB bound, so an archive of small nested archives could decompress
 * to 100 MiB per nested archive, multiplied again at each level, and deep nesting ended in a
 * {@code StackOverflowError}. One budget per call to {@link Chart#load} or {@link Chart#loadArchive} closes that.
 *
 * <p>Mutable and not thread-safe: a budget belongs to one load on one thread.
 */
final class LoadBudget {
    /** How many levels of {@code charts/} below the top chart are loaded. */
    static final int MAX_DEPTH = 16;

    private final long maxBytes;
    private final int maxFiles;
    private final int maxDepth;
    private long remainingBytes;
    private int files;
    private int depth;

    /** Helm's bounds for one chart (100 MiB, 10,000 files), now for the chart and its subcharts together. */
    LoadBudget() {
        this(ChartLoader.MAX_CHART_SIZE, ChartLoader.MAX_FILES, MAX_DEPTH);
    }

    /** Lower bounds, for tests that must not allocate Helm's 100 MiB to prove the bound. */
    LoadBudget(long maxBytes, int maxFiles, int maxDepth) {
        if (maxBytes < 1 || maxFiles < 1 || maxDepth < 0) {
            throw new IllegalArgumentException(
                    "bounds must be positive, found bytes " + maxBytes + ", files " + maxFiles + ", depth " + maxDepth);
        }
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        this.maxDepth = maxDepth;
        this.remainingBytes = maxBytes;
    }

    /** The most the next file may decompress to: Helm's per-file bound or what is left, whichever is smaller. */
    long nextFileLimit() {
        return Math.min(ChartLoader.MAX_FILE_SIZE, remainingBytes);
    }

    /** Fails before reading when a file's declared size is already more than what is left. */
    void checkDeclaredSize(long size, String source) throws HelmInputException {
        if (size > remainingBytes) {
            throw tooLarge(source);
        }
    }

    /** Takes one file (or archive entry of any kind) from the budget. */
    void takeFile(String source) throws HelmInputException {
        if (++files > maxFiles) {
            throw new HelmInputException(
                    source, 0, "more than " + maxFiles + " files in the chart and its subcharts together");
        }
    }

    /** Takes {@code n} bytes that were read; like Helm's archive loader, reaching the bound is already too much. */
    void takeBytes(long n, String source) throws HelmInputException {
        remainingBytes -= n;
        if (remainingBytes <= 0) {
            throw tooLarge(source);
        }
    }

    /**
     * Goes one level down into a subchart.
     *
     * @param source the subchart's path from the top chart, named in the error
     * @throws HelmInputException when the subchart is deeper than the bound
     */
    void enter(String source) throws HelmInputException {
        if (depth >= maxDepth) {
            throw new HelmInputException(
                    source,
                    0,
                    "subcharts nested more than " + maxDepth + " levels deep; expected at most " + maxDepth
                            + " levels of charts/");
        }
        depth++;
    }

    /** Comes back up from a subchart entered with {@link #enter}. */
    void leave() {
        depth--;
    }

    private HelmInputException tooLarge(String source) {
        return new HelmInputException(
                source,
                0,
                "decompressed chart, subcharts included, is larger than the maximum size " + maxBytes + " bytes");
    }
}
