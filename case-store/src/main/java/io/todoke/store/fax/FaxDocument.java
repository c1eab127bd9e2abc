package io.todoke.store.fax;

import java.time.Instant;
import java.util.UUID;

/**
 * A received fax file, as recorded.
 *
 * @param id           the fax id carried in logs
 * @param inbox        the name of the inbox it arrived in
 * @param fileName     the file name the gateway gave it
 * @param sha256       hex SHA-256 of the content; unique among non-duplicates
 * @param archivePath  where the unchanged original is kept, relative to the archive root
 * @param mediaType    application/pdf, image/tiff, image/png or image/jpeg (by content)
 * @param sizeBytes    size of the original
 * @param pageCount    pages in the fax (0 until read)
 * @param state        see {@link FaxState}
 * @param duplicateOf  the first fax with the same content, for duplicates
 * @param error        why it failed, readable by an operator (null unless failed)
 * @param receivedAt   when it was taken from the inbox
 * @param archivedAt   when the original was copied into the archive (null before, and for rejected files)
 * @param errorPath    where the file (or a copy) lies in the error folder, relative to it (null unless failed)
 * @param attempts     how many times reading it failed or was retried
 * @param warning      what makes the file suspect although it could be read (active PDF content), or null
 */
public record FaxDocument(
        UUID id,
        String inbox,
        String fileName,
        String sha256,
        String archivePath,
        String mediaType,
        long sizeBytes,
        int pageCount,
        FaxState state,
        UUID duplicateOf,
        String error,
        Instant receivedAt,
        Instant archivedAt,
        String errorPath,
        int attempts,
        String warning) {

    /** Without a warning. */
    public FaxDocument(UUID id, String inbox, String fileName, String sha256, String archivePath, String mediaType,
                       long sizeBytes, int pageCount, FaxState state, UUID duplicateOf, String error,
                       Instant receivedAt, Instant archivedAt, String errorPath, int attempts) {
        this(id, inbox, fileName, sha256, archivePath, mediaType, sizeBytes, pageCount, state, duplicateOf, error,
                receivedAt, archivedAt, errorPath, attempts, null);
    }

    /** The fields of the original contract; the intake's bookkeeping unknown. */
    public FaxDocument(UUID id, String inbox, String fileName, String sha256, String archivePath, String mediaType,
                       long sizeBytes, int pageCount, FaxState state, UUID duplicateOf, String error,
                       Instant receivedAt) {
        this(id, inbox, fileName, sha256, archivePath, mediaType, sizeBytes, pageCount, state, duplicateOf, error,
                receivedAt, null, null, 0, null);
    }
}
