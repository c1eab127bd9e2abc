package io.todoke.intake.ops;

import io.todoke.intake.pickup.FaxContent;
import io.todoke.intake.pickup.FaxFolders;
import io.todoke.intake.read.OcrQueue;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxReceipt;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * An operator sends a failed fax back for another try. A fax that failed in the engine is read again from the
 * archive. A file rejected at pickup (empty, not a fax) is taken again from the error folder, where the
 * operator may have replaced it with a good copy; it keeps its record either way.
 */
public class FaxRetryService {

    private static final Logger LOG = LoggerFactory.getLogger(FaxRetryService.class);

    private final FaxStore faxes;
    private final FaxFolders folders;
    private final OcrQueue queue;

    public FaxRetryService(FaxStore faxes, FaxFolders folders, OcrQueue queue) {
        this.faxes = faxes;
        this.folders = folders;
        this.queue = queue;
    }

    /**
     * @return the fax after the retry was started (RECEIVED, or DUPLICATE if the replaced file is one)
     * @throws IllegalStateException with a reason an operator can read when the fax cannot be retried
     */
    public FaxDocument retry(UUID faxId) {
        FaxDocument fax = faxes.find(faxId).orElseThrow(() -> new IllegalArgumentException("FAX " + faxId + " はありません"));
        if (fax.state() != FaxState.FAILED) {
            throw new IllegalStateException("失敗した FAX ではありません（状態: " + fax.state() + "）");
        }
        try {
            if (fax.archivedAt() != null) {
                faxes.reopen(faxId);
                clear(fax);
                queue.submit(faxId);
                LOG.info("fax {} sent back to be read again", faxId);
                return faxes.find(faxId).orElseThrow();
            }
            return retryRejected(fax);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FaxDocument retryRejected(FaxDocument fax) throws IOException {
        Path file = fax.errorPath() == null ? null : folders.errorFile(fax.errorPath());
        if (file == null || !Files.exists(file)) {
            throw new IllegalStateException("エラーフォルダにファイルがありません: " + fax.errorPath());
        }
        FaxContent.Inspected content = FaxContent.inspect(file);
        if (content.size() == 0 || content.mediaType() == null) {
            throw new IllegalStateException("ファイルはまだ PDF・TIFF・PNG・JPEG のいずれでもありません。正しいファイルに置き換えてください");
        }
        FaxReceipt receipt = faxes.reopenRejected(fax.id(), content.sha256(), content.size(), content.mediaType());
        folders.archive(file, receipt.fax());
        faxes.markArchived(fax.id());
        clear(fax);
        if (receipt.outcome() == FaxReceipt.Outcome.NEW) {
            queue.submit(fax.id());
        }
        LOG.info("rejected file {} taken again as {}", fax.fileName(), receipt.outcome());
        return faxes.find(fax.id()).orElseThrow();
    }

    private void clear(FaxDocument fax) throws IOException {
        if (fax.errorPath() != null) {
            folders.clearError(fax.errorPath());
        }
    }
}
