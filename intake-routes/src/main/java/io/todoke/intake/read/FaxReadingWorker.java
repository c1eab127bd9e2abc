package io.todoke.intake.read;

import io.todoke.intake.IntakeMetrics;
import io.todoke.intake.IntakeInstance;
import io.todoke.intake.storage.FaxFolders;
import io.todoke.intake.pickup.ReceivedName;
import io.todoke.ocr.FaxReader;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.UnreadableFaxException;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxLeases;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.fax.StoredNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads one archived fax with the engine, within the time limit, and records the result, while this instance
 * holds the fax's claim. A reader that throws, crashes or hangs makes only this fax FAILED (with a reason in
 * the error folder pointing at the archived original); the worker moves on. The engine runs on threads of its
 * own, at most two per worker: one reading, and one abandoned after a time limit (interrupted, counted and
 * logged until it ends); a worker whose abandoned thread still runs waits for it before starting another. The
 * threads live as long as the worker and are reused: the engine keeps a Tesseract instance per thread (tens of MB
 * of native memory each), so a thread per fax would grow the process by that much per fax.
 */
public class FaxReadingWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaxReadingWorker.class);

    private final FaxStore faxes;
    private final FaxLeases leases;
    private final FaxFolders folders;
    private final FaxReader reader;
    private final IntakeMetrics metrics;
    private final IntakeInstance instance;
    private final Duration timeLimit;
    private final boolean autoConfirm;
    private final Semaphore engineThreads;
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final AtomicReference<Instant> lastRead = new AtomicReference<>(Instant.now());
    private final ThreadPoolExecutor engine;
    private volatile boolean closed;

    public FaxReadingWorker(FaxStore faxes, FaxLeases leases, FaxFolders folders, FaxReader reader,
                            IntakeMetrics metrics, IntakeInstance instance, Duration timeLimit, boolean autoConfirm,
                            int workers) {
        this.faxes = faxes;
        this.leases = leases;
        this.folders = folders;
        this.reader = reader;
        this.metrics = metrics;
        this.instance = instance;
        this.timeLimit = timeLimit;
        this.autoConfirm = autoConfirm;
        this.engineThreads = new Semaphore(2 * workers);
        this.engine = new ThreadPoolExecutor(2 * workers, 2 * workers, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "fax-engine-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        metrics.abandonedEngineThreads(abandoned::get);
    }

    /** Engine threads abandoned after a time limit that have not ended yet. */
    public int abandonedThreads() {
        return abandoned.get();
    }

    /** When a read last ended (read, failed or timed out), for the health indicator. */
    public Instant lastRead() {
        return lastRead.get();
    }

    /** Reads the fax if it is still waiting and this instance can claim it; returns the cases created. */
    public List<UUID> read(UUID faxId) {
        MDC.put("faxId", faxId.toString());
        try {
            if (closed || !leases.claim(faxId, instance.id(), instance.lease())) {
                return List.of();
            }
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
                LOG.info("engine: unreadable ({})", e.reason());
                fail(fax, "unreadable", describe(e));
                return List.of();
            } catch (TimeoutException e) {
                fail(fax, "timeout", "読み取りが制限時間（" + timeLimit.toSeconds() + "秒）内に終わりませんでした");
                return List.of();
            } catch (InterruptedException e) {
                // Shutting down: the claim is given up, so any instance reads it again at once.
                leases.release(faxId, instance.id());
                Thread.currentThread().interrupt();
                return List.of();
            } catch (Throwable e) {
                LOG.warn("engine failed: {}", e.getClass().getName());
                fail(fax, "crash", "読み取り中に予期しないエラーが発生しました（読み取りエンジンの不具合の可能性があります）");
                return List.of();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            metrics.readTime(took);
            List<UUID> cases = faxes.markRead(faxId, reading, autoConfirm, instance.id());
            lastRead.set(Instant.now());
            metrics.pagesRead(reading.pages().size());
            LOG.info("read fax {}: {} page(s), {} case(s) in {} ms", faxId, reading.pages().size(), cases.size(),
                    took.toMillis());
            return cases;
        } finally {
            MDC.remove("faxId");
        }
    }

    private FaxReading readWithin(Path file) throws Throwable {
        String faxId = MDC.get("faxId");
        if (!engineThreads.tryAcquire()) {
            LOG.warn("waiting for an engine thread: {} abandoned after a time limit still run", abandoned.get());
            engineThreads.acquire();
        }
        AtomicBoolean gaveUp = new AtomicBoolean();
        FutureTask<FaxReading> result = new FutureTask<>(() -> {
            MDC.put("faxId", faxId);
            try {
                return reader.read(file);
            } finally {
                MDC.remove("faxId");
            }
        });
        AtomicReference<String> thread = new AtomicReference<>("an engine thread");
        try {
            engine.execute(() -> {
                thread.set(Thread.currentThread().getName());
                try {
                    result.run();
                } finally {
                    engineThreads.release();
                    if (gaveUp.get()) {
                        int left = abandoned.decrementAndGet();
                        LOG.info("an abandoned engine thread ended; {} still run", left);
                    }
                }
            });
        } catch (RejectedExecutionException stopped) {
            engineThreads.release();
            throw new InterruptedException("the worker is stopping");
        }
        try {
            return result.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException | InterruptedException e) {
            synchronized (gaveUp) {
                if (!result.isDone()) {
                    gaveUp.set(true);
                    int now = abandoned.incrementAndGet();
                    LOG.warn("engine thread {} interrupted and abandoned at the time limit; {} abandoned still run",
                            thread.get(), now);
                }
            }
            result.cancel(true);
            throw e;
        }
    }

    private void fail(FaxDocument fax, String kind, String reason) {
        lastRead.set(Instant.now());
        metrics.error(kind);
        // Only while this instance holds the claim: another instance that took it over may be reading it.
        if (!faxes.markFailed(fax.id(), reason, instance.id())) {
            return;
        }
        LOG.warn("could not read fax {} ({})", fax.id(), kind);
        // The original stays in the archive, stored once; the error folder gets the reason and where it is.
        String stored = StoredNames.storedName(fax.id(), fax.fileName());
        try {
            folders.writeReason(stored, ReceivedName.describe(fax.inbox(), fax.fileName()) + ": " + reason
                    + System.lineSeparator() + "原本: " + folders.archived(fax)
                    + System.lineSeparator() + "差し替える場合は、正しいファイルをこのフォルダに " + stored
                    + " という名前で置いてから再処理してください");
            faxes.setErrorPath(fax.id(), stored);
        } catch (IOException e) {
            LOG.error("could not write the reason of fax {} to the error folder: {}", fax.id(),
                    e.getClass().getSimpleName());
        }
    }

    static String describe(UnreadableFaxException e) {
        return switch (e.reason()) {
            case EMPTY -> "ページがありません";
            case CORRUPT -> "ファイルが壊れています";
            case ENCRYPTED -> "暗号化（パスワード保護）されています";
            case TOO_LARGE -> "ファイルが大きすぎます";
            case UNSUPPORTED_TYPE -> "対応していない形式です";
            case TOO_MANY_PAGES -> "ページ数が多すぎます";
            case PAGE_TOO_LARGE -> "ページの寸法または画素数が上限を超えています";
        };
    }

    /** Stops taking faxes and gives up this instance's claims on those still waiting, for others to read now. */
    @Override
    public void close() {
        closed = true;
        // Reads under way end (and are recorded); the threads end after them.
        engine.shutdown();
        try {
            int released = leases.releaseAll(instance.id());
            if (released > 0) {
                LOG.info("stopping: {} waiting fax(es) left for other instances", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("stopping: claims not given up ({}); they expire with their lease",
                    e.getClass().getSimpleName());
        }
    }
}
