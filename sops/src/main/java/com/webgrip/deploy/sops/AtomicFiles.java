package com.webgrip.deploy.sops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes a file the way sops does, but atomically where that is possible.
 *
 * <ul>
 *   <li>A regular file (or a new one) is replaced atomically: a temporary file in the same
 *       folder, written and fsynced, then renamed over the target, so readers see the old file or
 *       the new one, never a part. A failure leaves the target as it was and removes the
 *       temporary file. The target's POSIX permissions are kept.
 *   <li>A symbolic link is written through, as Go sops does: the link's final target (which may not
 *       exist yet) is replaced as above and the link stays a link. Renaming over the link would
 *       turn it into a plain file and leave the file it pointed to stale.
 *   <li>Anything else that exists (a FIFO, {@code /dev/null}, a terminal, another device) is
 *       written directly as a stream, never renamed over: replacing {@code /dev/null} as root would
 *       leave a world-readable plaintext file in its place.
 * </ul>
 */
public final class AtomicFiles {
    /** As Linux's {@code MAXSYMLINKS}: a longer chain is almost certainly a loop. */
    private static final int MAX_LINK_HOPS = 40;

    private AtomicFiles() {}

    /** Writes the content to the file, replacing it, or through it when it is a link or device. */
    public static void write(Path target, byte[] content) throws IOException {
        Path resolved = followLinks(target.toAbsolutePath());
        BasicFileAttributes attributes = attributesOf(resolved);
        if (attributes != null && attributes.isDirectory()) {
            throw new FileSystemException(resolved.toString(), null, "is a directory, expected a file");
        }
        if (attributes != null && !attributes.isRegularFile()) {
            try (OutputStream out =
                    Files.newOutputStream(resolved, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(content);
            }
            return;
        }
        replace(resolved, content, attributes != null);
    }

    /** The path a chain of symbolic links ends at; the last hop need not exist. */
    private static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINK_HOPS) {
                throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
            }
            Path parent = current.getParent();
            Path link = Files.readSymbolicLink(current);
            current = (parent == null ? link : parent.resolve(link)).normalize();
        }
        return current;
    }

    private static BasicFileAttributes attributesOf(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static void replace(Path absolute, byte[] content, boolean exists) throws IOException {
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            Set<PosixFilePermission> permissions = null;
            try {
                // only from a regular file (checked by the caller), so never a device's rw-rw-rw-
                permissions = exists ? Files.getPosixFilePermissions(absolute, LinkOption.NOFOLLOW_LINKS) : null;
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the defaults
            }
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (permissions != null) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open a folder; the rename itself is still atomic
        }
    }
}
