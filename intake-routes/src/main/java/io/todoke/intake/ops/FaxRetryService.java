package io.todoke.intake.ops;

import io.todoke.intake.IntakeInstance;
import io.todoke.intake.pickup.FaxContent;
import io.todoke.intake.storage.FaxFolders;
import io.todoke.intake.read.OcrQueue;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxLeases;
import io.todoke.store.fax.FaxReceipt;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.UUID;

/**
 * An operator sends a failed fax back for another try. A file in the error folder under the fax's stored name
 * is what the operator wants read: the rejected file itself, or a good copy put there in place of an unreadable
 * fax; it is taken in under the fax's record (a new archive file; the first original stays). Without one, an
 * archived fax is read again from the archive.
 */
public class FaxRetryService {

    private static final Logger LOG = LoggerFactory.getLogger(FaxRetryService.class);

    private final FaxStore faxes;
    private final FaxLeases leases;
    private final FaxFolders folders;
    private final OcrQueue queue;
    private final IntakeInstance instance;
    private final long maxBytes;

    public FaxRetryService(FaxStore faxes, FaxLeases leases, FaxFolders folders, OcrQueue queue,
                           IntakeInstance instance, long maxBytes) {
        this.faxes = faxes;
        this.leases = leases;
        this.folders = folders;
        this.queue = queue;
        this.instance = instance;
        this.maxBytes = maxBytes;
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
            Path file = fax.errorPath() == null ? null : folders.errorFile(fax.errorPath());
            if (file != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                FaxContent.Inspected content = FaxContent.inspect(file, maxBytes);
                boolean sameAsArchived = fax.archivedAt() != null && content.sha256().equals(fax.sha256());
                if (!sameAsArchived) {
                    return retryFile(fax, file, content);
                }
            }
            if (fax.archivedAt() == null) {
                throw new IllegalStateException("エラーフォルダにファイルがありません。正しいファイルを "
                        + (fax.errorPath() == null ? "エラーフォルダ" : fax.errorPath()) + " として置いてください");
            }
            faxes.reopen(faxId);
            clear(fax);
            submit(faxId);
            LOG.info("fax {} sent back to be read again from the archive", faxId);
            return faxes.find(faxId).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FaxDocument retryFile(FaxDocument fax, Path file, FaxContent.Inspected content) throws IOException {
        if (content.size() == 0 || content.size() > maxBytes || content.mediaType() == null) {
            throw new IllegalStateException("エラーフォルダのファイルは読み取れるFAX（PDF・TIFF・PNG・JPEG）ではありません。"
                    + "正しいファイルに置き換えてください");
        }
        FaxReceipt receipt = faxes.reopenRejected(fax.id(), content.sha256(), content.size(), content.mediaType());
        folders.archive(file, receipt.fax());
        faxes.markArchived(fax.id());
        clear(fax);
        if (receipt.outcome() == FaxReceipt.Outcome.NEW) {
            submit(fax.id());
        }
        LOG.info("fax {} taken again from the error folder as {}", fax.id(), receipt.outcome());
        return faxes.find(fax.id()).orElseThrow();
    }

    private void submit(UUID faxId) {
        if (leases.claim(faxId, instance.id(), instance.lease())) {
            queue.submit(faxId);
        }
    }

    private void clear(FaxDocument fax) throws IOException {
        if (fax.errorPath() != null) {
            folders.clearError(fax.errorPath());
        }
    }
}
