package io.todoke.intake.ops;

import io.todoke.intake.config.IntakeProperties;
import io.todoke.intake.pickup.InboxScanner;
import io.todoke.intake.read.FaxReadingWorker;
import io.todoke.intake.read.OcrQueue;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Actuator health {@code intake}: DOWN when an inbox has not been listed for {@code stall-after} (its pickup
 * thread is stuck) or when faxes wait for a worker and no read has ended for that long (the workers are stuck).
 */
public class IntakeHealthIndicator implements HealthIndicator {

    private final IntakeProperties properties;
    private final InboxScanner scanner;
    private final OcrQueue queue;
    private final FaxReadingWorker worker;
    private final InstantSource clock;
    private final Instant started;

    public IntakeHealthIndicator(IntakeProperties properties, InboxScanner scanner, OcrQueue queue,
                                 FaxReadingWorker worker, InstantSource clock) {
        this.properties = properties;
        this.scanner = scanner;
        this.queue = queue;
        this.worker = worker;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Duration limit = properties.stallAfter();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        Map<String, Instant> polls = scanner.lastPolls();
        for (IntakeProperties.Inbox inbox : properties.inboxes()) {
            Instant last = polls.getOrDefault(inbox.name(), started);
            boolean stalled = last.plus(limit).isBefore(now);
            details.put("pickup." + inbox.name(), stalled ? "stalled: not listed since " + last : "listed " + last);
            up &= !stalled;
        }
        int waiting = queue.depth();
        Instant lastRead = worker.lastRead().isAfter(started) ? worker.lastRead() : started;
        boolean workersStalled = waiting > 0 && lastRead.plus(limit).isBefore(now);
        details.put("queue", waiting);
        details.put("workers", workersStalled ? "stalled: no read ended since " + lastRead : "last read " + lastRead);
        details.put("abandonedEngineThreads", worker.abandonedThreads());
        return (up && !workersStalled ? Health.up() : Health.down()).withDetails(details).build();
    }
}
