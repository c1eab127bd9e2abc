package io.todoke.intake.read;

import io.todoke.intake.IntakeMetrics;
import io.todoke.intake.pickup.FaxFolders;
import io.todoke.ocr.FaxReader;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.UnreadableFaxException;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads one archived fax with the engine, within the time limit, and records the result. A reader that throws,
 * crashes or hangs makes only this fax FAILED (a copy goes to the error folder with the reason); the worker
 * moves on. A hung engine call is interrupted and abandoned on its own thread.
 */
public class FaxReadingWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaxReadingWorker.class);

    private final FaxStore faxes;
    private final FaxFolders folders;
    private final FaxReader reader;
    private final IntakeMetrics metrics;
    private final Duration timeLimit;
    private final boolean autoConfirm;
    private final ExecutorService engineThreads;

    public FaxReadingWorker(FaxStore faxes, FaxFolders folders, FaxReader reader, IntakeMetrics metrics,
                            Duration timeLimit, boolean autoConfirm) {
        this.faxes = faxes;
        this.folders = folders;
        this.reader = reader;
        this.metrics = metrics;
        this.timeLimit = timeLimit;
        this.autoConfirm = autoConfirm;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "fax-engine-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.engineThreads = Executors.newCachedThreadPool(daemons);
    }

    /** Reads the fax if it is still waiting; returns the cases created (empty if it failed or was done). */
    public List<UUID> read(UUID faxId) {
        MDC.put("faxId", faxId.toString());
        try {
            Optional<FaxDocument> found = faxes.find(faxId);
            if (found.isEmpty() || found.get().state() != FaxState.RECEIVED) {
                return List.of();
            }
            FaxDocument fax = found.get();
            Path file = folders.archived(fax);
            long start = System.nanoTime();
            FaxReading reading;
            try {
                reading = readWithin(file);
            } catch (UnreadableFaxException e) {
                fail(fax, file, "unreadable", describe(e));
                return List.of();
            } catch (TimeoutException e) {
                fail(fax, file, "timeout", "読み取りが制限時間（" + timeLimit.toSeconds() + "秒）内に終わりませんでした");
                return List.of();
            } catch (InterruptedException e) {
                // Shutting down: the fax stays RECEIVED and is read again at the next start.
                Thread.currentThread().interrupt();
                return List.of();
            } catch (Throwable e) {
                fail(fax, file, "crash", "読み取り中にエラーが発生しました: " + e);
                return List.of();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            metrics.readTime(took);
            List<UUID> cases = faxes.markRead(faxId, reading, autoConfirm);
            metrics.pagesRead(reading.pages().size());
            LOG.info("read {}: {} page(s), {} case(s) in {} ms", fax.fileName(), reading.pages().size(), cases.size(),
                    took.toMillis());
            return cases;
        } finally {
            MDC.remove("faxId");
        }
    }

    private FaxReading readWithin(Path file) throws Throwable {
        String faxId = MDC.get("faxId");
        Future<FaxReading> result = engineThreads.submit(() -> {
            MDC.put("faxId", faxId);
            try {
                return reader.read(file);
            } finally {
                MDC.remove("faxId");
            }
        });
        try {
            return result.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException | InterruptedException e) {
            result.cancel(true);
            throw e;
        }
    }

    private void fail(FaxDocument fax, Path file, String kind, String reason) {
        metrics.error(kind);
        if (!faxes.markFailed(fax.id(), reason)) {
            return;
        }
        LOG.warn("could not read {}: {}", fax.fileName(), reason);
        try {
            if (Files.exists(file)) {
                faxes.setErrorPath(fax.id(), folders.toError(file, fax.id(), fax.fileName(), reason));
            }
        } catch (IOException e) {
            // The original stays in the archive and the reason in the database; only the copy is missing.
            LOG.error("could not copy {} to the error folder", fax.fileName(), e);
        }
    }

    static String describe(UnreadableFaxException e) {
        String what = switch (e.reason()) {
            case EMPTY -> "ページがありません";
            case CORRUPT -> "ファイルが壊れています";
            case ENCRYPTED -> "暗号化（パスワード保護）されています";
            case TOO_LARGE -> "ファイルが大きすぎます";
            case UNSUPPORTED_TYPE -> "対応していない形式です";
            case TOO_MANY_PAGES -> "ページ数が多すぎます";
            case PAGE_TOO_LARGE -> "ページの寸法または画素数が上限を超えています";
        };
        return e.getMessage() == null ? what : what + ": " + e.getMessage();
    }

    @Override
    public void close() {
        engineThreads.shutdownNow();
    }
}
