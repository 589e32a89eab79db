package com.webgrip.deploy.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens a file of lines for appending after a crash: a last line cut short (no line end) is cut off first, so the
 * next line starts on a line of its own. Without that, the fragment and the next entry would form one malformed line
 * in the middle of the file, and every later read would fail. Used by the journal and the deployment history.
 */
public final class AppendOnlyLines {
    private static final int TAIL_CHUNK = 4096;

    private AppendOnlyLines() {}

    /**
     * Opens (and creates, with its folders) a file of lines for writing at its end, after cutting off a torn last
     * line. The cut and a newly created file's folder entry are forced to the device before this returns.
     *
     * @param file the file
     * @return a channel positioned at the end of the file's last complete line; the caller closes it
     * @throws IOException when the file or its folder cannot be opened, read or written
     */
    public static FileChannel open(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        boolean created = !Files.exists(file);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            long keep = completeLinesLength(channel, size);
            if (keep < size) {
                // The torn line was never fully written, so nothing was done on its account: drop it.
                channel.truncate(keep);
                channel.force(true);
            }
            channel.position(keep);
            if (created) {
                forceFolder(folder);
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The length of the file up to and including its last line end (0 when it has none). */
    private static long completeLinesLength(FileChannel channel, long size) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(TAIL_CHUNK);
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - TAIL_CHUNK);
            chunk.clear().limit((int) (end - start));
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, start + chunk.position()) < 0) {
                    throw new IOException("the file shrank while it was read");
                }
            }
            for (int i = chunk.limit() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    // The new file's name lives in the folder: force the folder too, or a crash may lose the whole file.
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // Some file systems cannot open a folder for reading; the file's own force still holds its data.
        }
    }
}
