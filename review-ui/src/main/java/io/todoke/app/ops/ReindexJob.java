package io.todoke.app.ops;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.todoke.intake.index.ReindexService;

/**
 * Rebuilds the search index from the database inside the running application, one rebuild at a time, in the
 * background: the new index is filled behind the alias and swapped in at the end, so search keeps answering.
 * Works the same with the local node and with a configured cluster, which {@code --reindex} in a second process
 * cannot reach while the application holds the local node.
 */
@Component
public class ReindexJob implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReindexJob.class);

    /** What the last rebuild did; finishedAt null while it runs. */
    public record State(Instant startedAt, String startedBy, Instant finishedAt, Long cases, String error) {
        public boolean running() {
            return finishedAt == null;
        }
    }

    private final ObjectProvider<ReindexService> reindex;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reindex");
        t.setDaemon(true);
        return t;
    });
    private State state;

    public ReindexJob(ObjectProvider<ReindexService> reindex) {
        this.reindex = reindex;
    }

    public boolean available() {
        return reindex.getIfAvailable() != null;
    }

    /** Starts a rebuild unless one runs; false when one runs or no search cluster is configured. */
    public synchronized boolean start(String who) {
        ReindexService service = reindex.getIfAvailable();
        if (service == null || (state != null && state.running())) {
            return false;
        }
        State started = new State(Instant.now(), who, null, null, null);
        state = started;
        LOG.info("{} started a rebuild of the search index", who);
        executor.execute(() -> {
            State done;
            try {
                long n = service.reindex();
                done = new State(started.startedAt(), who, Instant.now(), n, null);
            } catch (RuntimeException e) {
                LOG.warn("Rebuilding the search index failed: {}", e.getMessage());
                done = new State(started.startedAt(), who, Instant.now(), null, e.getMessage());
            }
            synchronized (this) {
                state = done;
            }
        });
        return true;
    }

    public synchronized State state() {
        return state;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
