package io.todoke.search.node;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the application's local node when it dies (killed by the OOM killer, crashed), so that search comes
 * back without a restart of the whole application. Bounded: after {@code maxRestarts} restarts in a row that did
 * not keep the node up for {@code stableAfter}, it gives up and says so once; each attempt waits twice as long as
 * the one before it, from {@code backoff}.
 */
public final class LocalNodeWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalNodeWatchdog.class);

    private final LocalElasticsearch node;
    private final int maxRestarts;
    private final Duration backoff;
    private final Duration stableAfter;
    private final ScheduledExecutorService timer;
    private boolean down;
    // Read without the lock, which a restart holds for as long as the node takes to start (health probes ask).
    private volatile boolean gaveUp;
    private volatile int restarts;
    private int attempts;
    private long nextAttemptAt;
    private long upSince = System.nanoTime();

    public LocalNodeWatchdog(LocalElasticsearch node, Duration checkEvery, int maxRestarts, Duration backoff,
                             Duration stableAfter) {
        this.node = node;
        this.maxRestarts = maxRestarts;
        this.backoff = backoff;
        this.stableAfter = stableAfter;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-elasticsearch-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Restarts done since the application started. */
    public int restarts() {
        return restarts;
    }

    /** True once it stopped trying. */
    public boolean gaveUp() {
        return gaveUp;
    }

    synchronized void check() {
        if (node.isRunning()) {
            if (down) {
                down = false;
                upSince = System.nanoTime();
            } else if (attempts > 0 && System.nanoTime() - upSince >= stableAfter.toNanos()) {
                attempts = 0;
            }
            return;
        }
        if (!down && !node.died()) {
            return; // never started, or stopped on purpose
        }
        if (!down) {
            down = true;
            log.warn("Local Elasticsearch at {} has stopped; restarting it", node.httpUri());
            nextAttemptAt = System.nanoTime() + delay(attempts).toNanos();
        }
        if (gaveUp || System.nanoTime() < nextAttemptAt) {
            return;
        }
        if (attempts >= maxRestarts) {
            gaveUp = true;
            log.error("Local Elasticsearch did not stay up after {} restarts; giving up (search stays unavailable "
                    + "until Todoke is restarted; see {})", attempts, node.settings().logsDir());
            return;
        }
        attempts++;
        try {
            node.restart();
            restarts = restarts + 1; // only this timer thread writes it
            down = false;
            upSince = System.nanoTime();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            log.warn("Restarting local Elasticsearch failed (attempt {} of {}): {}", attempts, maxRestarts,
                    message.lines().findFirst().orElse(message));
            nextAttemptAt = System.nanoTime() + delay(attempts).toNanos();
        }
    }

    private Duration delay(int attempt) {
        long millis = backoff.toMillis() << Math.min(attempt, 16);
        return Duration.ofMillis(Math.min(millis, Duration.ofMinutes(10).toMillis()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
