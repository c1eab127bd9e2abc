package io.todoke.intake.pickup;

import io.todoke.intake.config.IntakeProperties;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** The archive and error folders: files are written whole (copy, then atomic rename) and never overwritten. */
public class FaxFolders {

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

    /** Puts a copy of the file in the error folder beside its reason; returns its path relative to the folder. */
    public String toError(Path file, UUID faxId, String fileName, String reason) throws IOException {
        String name = faxId + "-" + FaxStore.safeName(fileName);
        Path target = error.resolve(name);
        if (!Files.exists(target)) {
            copyWhole(file, target);
        }
        Files.writeString(error.resolve(name + ".reason.txt"), reason + System.lineSeparator(),
                StandardCharsets.UTF_8);
        return name;
    }

    public Path errorFile(String relative) {
        return error.resolve(relative);
    }

    public void clearError(String relative) throws IOException {
        Files.deleteIfExists(error.resolve(relative));
        Files.deleteIfExists(error.resolve(relative + ".reason.txt"));
    }

    private void copyWhole(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.createDirectories(work);
        Path partial = Files.createTempFile(work, "partial-", ".tmp");
        try {
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
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
