package com.webgrip.deploy.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Output files written atomically: into a temporary file in the same folder (owner-only
 * permissions), forced to disk, then renamed over the target only when the command succeeded.
 * A failed command leaves no partial file behind. A target that exists and is not a regular
 * file ({@code /dev/null}, a pipe, a terminal) is written in place: renaming over it would replace
 * the device with a file.
 */
final class OutputFiles {
    private OutputFiles() {}

    /** An open output; {@link #commit()} publishes it, {@link #close()} without commit discards it. */
    static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path temporary;
        private final FileChannel channel;
        private final boolean replace;
        private boolean committed;

        private Pending(Path target, boolean replace) throws IOException {
            Path absolute = target.toAbsolutePath();
            Path folder = absolute.getParent();
            if (!replace && Files.exists(absolute)) {
                throw new FileAlreadyExistsException(target + " exists; refusing to overwrite it");
            }
            this.target = absolute;
            this.replace = replace;
            if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
                this.temporary = null;
                this.channel = FileChannel.open(absolute, StandardOpenOption.WRITE);
            } else {
                this.temporary = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
                this.channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
            }
        }

        /** The stream to write; closing it does not publish the file. */
        OutputStream stream() {
            return new FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }

        /** Forces the data to disk and renames the temporary file onto the target. */
        void commit() throws IOException {
            if (temporary == null) {
                channel.close();
                committed = true;
                return;
            }
            channel.force(true);
            channel.close();
            if (replace) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A hard link fails when the target exists, atomically; rename would replace it.
                Files.createLink(target, temporary);
                Files.delete(temporary);
            }
            committed = true;
            forceFolder(target.toAbsolutePath().getParent());
        }

        // The new name lives in the folder: force it too, or a crash may lose the file just written.
        private static void forceFolder(Path folder) {
            try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // some platforms cannot open a folder; the rename itself is still atomic
            }
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                channel.close();
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }

    /** An output that replaces {@code target} when committed. */
    static Pending replacing(Path target) throws IOException {
        return new Pending(target, true);
    }

    /** An output that refuses to exist over an existing {@code target}. */
    static Pending creatingNew(Path target) throws IOException {
        return new Pending(target, false);
    }

    /** Standard output behind a stream whose {@code close} only flushes. */
    static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
