package io.todoke.intake.pickup;

import io.todoke.intake.IntakeMetrics;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxReceipt;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes one file from an inbox: recognise, hash, record, archive. Returns the fax to read, if any. The file
 * stays in the inbox until this returns (the route deletes it afterwards), so a crash at any point leaves it
 * to be taken again, and the store recognises it as the same file.
 */
public class FaxPickup {

    public static final String EMPTY_REASON = "空のファイルです（0バイト）";
    public static final String NOT_A_FAX_REASON = "PDF・TIFF・PNG・JPEG のいずれでもありません（ファイルの内容で判定）";

    private static final Logger LOG = LoggerFactory.getLogger(FaxPickup.class);

    private final FaxStore faxes;
    private final FaxFolders folders;
    private final IntakeMetrics metrics;

    public FaxPickup(FaxStore faxes, FaxFolders folders, IntakeMetrics metrics) {
        this.faxes = faxes;
        this.folders = folders;
        this.metrics = metrics;
    }

    public Optional<UUID> take(String inbox, Path file, String fileName) throws IOException {
        FaxContent.Inspected content = FaxContent.inspect(file);
        String reason = content.size() == 0 ? EMPTY_REASON : content.mediaType() == null ? NOT_A_FAX_REASON : null;
        if (reason != null) {
            reject(inbox, file, fileName, content, reason);
            return Optional.empty();
        }
        FaxReceipt receipt = faxes.receive(inbox, fileName, content.sha256(), content.size(), content.mediaType());
        FaxDocument fax = receipt.fax();
        MDC.put("faxId", fax.id().toString());
        try {
            if (fax.archivePath() != null && fax.archivedAt() == null) {
                folders.archive(file, fax);
                faxes.markArchived(fax.id());
            }
            switch (receipt.outcome()) {
                case NEW -> {
                    metrics.received(inbox, "new");
                    LOG.info("received {} from inbox {} ({} bytes, {})", fileName, inbox, content.size(),
                            content.mediaType());
                    return Optional.of(fax.id());
                }
                case DUPLICATE -> {
                    metrics.received(inbox, "duplicate");
                    LOG.info("{} from inbox {} is a duplicate of fax {}", fileName, inbox, fax.duplicateOf());
                    return Optional.empty();
                }
                default -> {
                    LOG.info("{} from inbox {} was already received before a restart; not counted again", fileName,
                            inbox);
                    // Read it now only if the restart's resume did not already see it archived.
                    return fax.state() == FaxState.RECEIVED && fax.archivedAt() == null
                            ? Optional.of(fax.id()) : Optional.empty();
                }
            }
        } finally {
            MDC.remove("faxId");
        }
    }

    private void reject(String inbox, Path file, String fileName, FaxContent.Inspected content, String reason)
            throws IOException {
        Optional<FaxDocument> before = faxes.findSameFile(inbox, fileName, content.sha256());
        FaxDocument fax = before.orElseGet(() -> faxes.reject(inbox, fileName, content.sha256(), content.size(),
                content.mediaType(), reason));
        MDC.put("faxId", fax.id().toString());
        try {
            String errorPath = folders.toError(file, fax.id(), fileName, reason);
            faxes.setErrorPath(fax.id(), errorPath);
            if (before.isEmpty()) {
                metrics.received(inbox, "rejected");
                metrics.error("rejected");
            }
            LOG.warn("{} from inbox {} put in the error folder: {}", fileName, inbox, reason);
        } finally {
            MDC.remove("faxId");
        }
    }
}
