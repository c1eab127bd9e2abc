package io.todoke.intake.storage;

import io.todoke.intake.IntakeProperties;
import io.todoke.store.fax.FaxDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

/**
 * The archive and error folders: files are written whole (copy, then atomic rename) and never overwritten. Every
 * file is stored under a name of ours (the fax id and a short form of the received name); the received name is
 * data, kept in the database and in the reason files.
 */
public class FaxFolders {

    private static final Logger LOG = LoggerFactory.getLogger(FaxFolders.class);
    /** Partial copies this old were left by a process that died while copying. */
    static final Duration ABANDONED_PARTIAL = Duration.ofMinutes(1);

    private final Path archive;
    private final Path error;
    private final Path work;

    public FaxFolders(IntakeProperties properties) {
        this.archive = properties.archiveDir().toAbsolutePath();
        this.error = properties.errorDir().toAbsolutePath();
        this.work = properties.workDir().toAbsolutePath();
    }

    public Path archiveRoot() {
        return archive;
    }

    public Path errorRoot() {
        return error;
    }

    public Path archived(FaxDocument fax) {
        return archive.resolve(fax.archivePath());
    }

    /**
     * Copies the original into the archive under the fax's path. An archive file already there is the same
     * fax written before a crash and is kept as it is.
     */
    public Path archive(Path original, FaxDocument fax) throws IOException {
        Path target = archived(fax);
        if (Files.exists(target) && Files.size(target) == Files.size(original)) {
            return target;
        }
        copyWhole(original, target);
        target.toFile().setReadOnly();
        return target;
    }

    /**
     * Moves a rejected file (or inbox entry) into the error folder under {@code storedName}: the one copy kept.
     * Only a rename for anything but a regular file, so a FIFO or a device is never opened and a symlink is
     * moved as the link, not what it points to.
     */
    public void moveToError(Path file, String storedName, boolean regularFile) throws IOException {
        Files.createDirectories(error);
        Path target = error.resolve(storedName);
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, LinkOption.NOFOLLOW_LINKS);
        } catch (AtomicMoveNotSupportedException e) {
            if (!regularFile) {
                throw e;
            }
            Files.move(file, target, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Writes the reason beside the file, or beside where an operator may put a replacement. */
    public void writeReason(String storedName, String reason) throws IOException {
        Files.createDirectories(error);
        Files.writeString(error.resolve(storedName + ".reason.txt"), reason + System.lineSeparator(),
                StandardCharsets.UTF_8);
    }

    public Path errorFile(String relative) {
        return error.resolve(relative);
    }

    public void clearError(String relative) throws IOException {
        Files.deleteIfExists(error.resolve(relative));
        Files.deleteIfExists(error.resolve(relative + ".reason.txt"));
    }

    /** Removes partial copies a killed process left in the work folder; returns how many. */
    public int cleanWork() {
        if (!Files.isDirectory(work)) {
            return 0;
        }
        int removed = 0;
        Instant before = Instant.now().minus(ABANDONED_PARTIAL);
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(work, "partial-*.tmp")) {
            for (Path p : partials) {
                if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("could not clean the work folder: {}", e.getClass().getSimpleName());
        }
        if (removed > 0) {
            LOG.info("removed {} partial copies left in the work folder by an earlier run", removed);
        }
        return removed;
    }

    /**
     * Copies and renames into place; a copy cut short by a full disk is removed (by the JDK for a move across
     * file systems, by the finally here for the partial copy) and reported as {@link ArchiveFullException}.
     */
    private void copyWhole(Path source, Path target) throws IOException {
        try {
            copyOrFail(source, target);
        } catch (IOException e) {
            if (outOfSpace(e, Files.size(source), target)) {
                throw new ArchiveFullException(e);
            }
            throw e;
        }
    }

    /** ENOSPC or a quota, by its message (the JDK has no type for it), or a store with less room than the file. */
    static boolean outOfSpace(IOException e, long needed, Path target) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left") || message.contains("Disk quota exceeded")
                    || message.contains("There is not enough space"))) {
                return true;
            }
        }
        try {
            Path existing = target;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).getUsableSpace() < needed;
        } catch (IOException unknown) {
            return false;
        }
    }

    private void copyOrFail(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.createDirectories(work);
        Path partial = Files.createTempFile(work, "partial-", ".tmp");
        try {
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                // Work and target folders on different file systems: a plain move, still never over a file.
                Files.move(partial, target);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
