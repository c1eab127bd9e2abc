package io.todoke.intake.pickup;

import io.todoke.intake.storage.FaxFolders;

import io.todoke.intake.IntakeMetrics;
import io.todoke.intake.IntakeInstance;
import io.todoke.store.Db;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxReceipt;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.fax.StoredNames;
import io.todoke.store.fax.InboxClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes one claimed inbox file: recognise, hash, record, archive (or move to the error folder), then remove it.
 * Every step can be done again by whoever takes the claim over after a crash: the claim finds its fax record,
 * and the archive copy is written whole or not at all.
 */
public class FaxPickup {

    public static final String EMPTY_REASON = "空のファイルです（0バイト）";
    public static final String NOT_A_FAX_REASON = "PDF・TIFF・PNG・JPEG のいずれでもありません（ファイルの内容で判定）";

    private static final Logger LOG = LoggerFactory.getLogger(FaxPickup.class);

    private final FaxStore faxes;
    private final FaxFolders folders;
    private final IntakeMetrics metrics;
    private final IntakeInstance instance;
    private final long maxBytes;
    private final PdfHazards hazards;

    public FaxPickup(FaxStore faxes, FaxFolders folders, IntakeMetrics metrics, IntakeInstance instance,
                     long maxBytes) {
        this.faxes = faxes;
        this.folders = folders;
        this.metrics = metrics;
        this.instance = instance;
        this.maxBytes = maxBytes;
        this.hazards = new PdfHazards();
    }

    public static String tooLargeReason(long maxBytes) {
        return "ファイルが大きすぎます（上限 " + (maxBytes / (1024 * 1024)) + "MB）";
    }

    /**
     * Takes the claimed file at {@code file} (already moved out of the listing under the claim's name).
     *
     * @return the fax to read, if any (it is claimed for this instance)
     */
    public Optional<UUID> take(InboxClaims.Claim claim, Path file) throws IOException {
        String inbox = claim.inbox();
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            rejectEntry(claim, file, InboxScanner.kindReason(attributes));
            return Optional.empty();
        }
        if (attributes.size() > maxBytes) {
            reject(claim, file, null, attributes.size(), tooLargeReason(maxBytes));
            return Optional.empty();
        }
        FaxContent.Inspected content = FaxContent.inspect(file, maxBytes);
        String reason = content.size() == 0 ? EMPTY_REASON
                : content.size() > maxBytes ? tooLargeReason(maxBytes)
                : content.mediaType() == null ? NOT_A_FAX_REASON : null;
        if (reason != null) {
            reject(claim, file, content.sha256(), content.size(), reason);
            return Optional.empty();
        }
        FaxReceipt receipt = faxes.receive(new FaxStore.Receipt(inbox, claim.receivedName(), content.sha256(),
                content.size(), content.mediaType(), claim.id(), instance.id(), Db.now().plus(instance.lease())));
        FaxDocument fax = receipt.fax();
        MDC.put("faxId", fax.id().toString());
        try {
            if (fax.archivePath() != null && fax.archivedAt() == null) {
                folders.archive(file, fax);
                faxes.markArchived(fax.id());
            }
            if (receipt.outcome() != FaxReceipt.Outcome.ALREADY_RECEIVED && FaxContent.PDF.equals(fax.mediaType())) {
                flagHazards(fax, file);
            }
            Files.deleteIfExists(file);
            switch (receipt.outcome()) {
                case NEW -> {
                    metrics.received(inbox, "new");
                    LOG.info("fax {} received from inbox {} ({} bytes, {})", fax.id(), inbox, content.size(),
                            content.mediaType());
                    return Optional.of(fax.id());
                }
                case DUPLICATE -> {
                    metrics.received(inbox, "duplicate");
                    LOG.info("fax {} from inbox {} is a duplicate of fax {}", fax.id(), inbox, fax.duplicateOf());
                    return Optional.empty();
                }
                default -> {
                    // A claim taken over after its holder died: the record was made, the rest is done now.
                    LOG.info("fax {} from inbox {}: finished taking it in after its first taker stopped", fax.id(),
                            inbox);
                    return fax.state() == FaxState.RECEIVED ? Optional.of(fax.id()) : Optional.empty();
                }
            }
        } finally {
            MDC.remove("faxId");
        }
    }

    /** Records an entry given up after repeated failures (it stays where it is); returns the fax id. */
    UUID recordFailure(InboxClaims.Claim claim, String reason) {
        Optional<FaxDocument> recorded = faxes.byClaim(claim.id());
        if (recorded.isPresent()) {
            faxes.markFailed(recorded.get().id(), reason);
            return recorded.get().id();
        }
        FaxDocument fax = faxes.reject(new FaxStore.Receipt(claim.inbox(), claim.receivedName(), null,
                claim.sizeBytes(), null, claim.id(), null, null), reason);
        metrics.received(claim.inbox(), "rejected");
        return fax.id();
    }

    private void flagHazards(FaxDocument fax, Path file) {
        String found = hazards.inspect(file, maxBytes);
        if (found != null) {
            faxes.setWarning(fax.id(), found);
            metrics.error("active-content");
            LOG.warn("fax {} carries active PDF content; flagged for the clerks", fax.id());
        }
    }

    private void reject(InboxClaims.Claim claim, Path file, String sha256, long size, String reason)
            throws IOException {
        FaxDocument fax = faxes.reject(new FaxStore.Receipt(claim.inbox(), claim.receivedName(), sha256, size,
                null, claim.id(), null, null), reason);
        MDC.put("faxId", fax.id().toString());
        try {
            String stored = StoredNames.storedName(fax.id(), claim.receivedName());
            folders.writeReason(stored, ReceivedName.describe(claim.inbox(), claim.receivedName()) + ": " + reason);
            folders.moveToError(file, stored, true);
            faxes.setErrorPath(fax.id(), stored);
            metrics.received(claim.inbox(), "rejected");
            metrics.error("rejected");
            LOG.warn("fax {} from inbox {} put in the error folder (not a readable fax file)", fax.id(),
                    claim.inbox());
        } finally {
            MDC.remove("faxId");
        }
    }

    /**
     * Records an entry that is not a regular file and moves the entry itself (never what it points to) into the
     * error folder; false when it cannot be moved safely (then it stays where it is and the caller skips it).
     */
    boolean rejectEntry(InboxClaims.Claim claim, Path entry, String reason) {
        FaxDocument fax = faxes.reject(new FaxStore.Receipt(claim.inbox(), claim.receivedName(), null, 0, null,
                claim.id(), null, null), reason);
        String stored = StoredNames.storedName(fax.id(), claim.receivedName());
        metrics.received(claim.inbox(), "rejected");
        metrics.error("rejected");
        try {
            folders.writeReason(stored, ReceivedName.describe(claim.inbox(), claim.receivedName()) + ": " + reason);
            folders.moveToError(entry, stored, false);
            faxes.setErrorPath(fax.id(), stored);
            LOG.warn("fax {}: an entry of inbox {} is not a regular file; moved to the error folder", fax.id(),
                    claim.inbox());
            return true;
        } catch (IOException e) {
            LOG.warn("fax {}: an entry of inbox {} is not a regular file and cannot be moved ({}); left in place",
                    fax.id(), claim.inbox(), e.getClass().getSimpleName());
            return false;
        }
    }
}
