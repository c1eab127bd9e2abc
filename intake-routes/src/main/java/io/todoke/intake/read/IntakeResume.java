package io.todoke.intake.read;

import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.time.Instant;
import java.util.List;

/**
 * After a crash, faxes that were recorded and archived but never read are queued again. Faxes received since
 * this start are the pickup's; only older ones are resumed, so none is queued twice.
 */
public class IntakeResume {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeResume.class);

    private final FaxStore faxes;
    private final OcrQueue queue;
    private final Instant startedAt = Instant.now();

    public IntakeResume(FaxStore faxes, OcrQueue queue) {
        this.faxes = faxes;
        this.queue = queue;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeInBackground() {
        Thread t = new Thread(this::resume, "intake-resume");
        t.setDaemon(true);
        t.start();
    }

    /** Queues the unread faxes left by an earlier run; returns how many. */
    public int resume() {
        List<FaxDocument> left = faxes.receivedAndArchived().stream()
                .filter(f -> f.receivedAt().isBefore(startedAt))
                .toList();
        if (!left.isEmpty()) {
            LOG.info("resuming {} fax(es) received but not read before the last stop", left.size());
        }
        left.forEach(f -> queue.submit(f.id()));
        return left.size();
    }
}
