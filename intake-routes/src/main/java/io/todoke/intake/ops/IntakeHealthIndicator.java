package io.todoke.intake.ops;

import io.todoke.intake.IntakeProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Actuator health {@code intake}: DOWN when an inbox has not been listed for {@code stall-after} (its pickup
 * thread is stuck) or when faxes wait for a worker and no read has ended for that long (the workers are stuck).
 */
public class IntakeHealthIndicator implements HealthIndicator {

    private final IntakeProperties properties;
    private final Supplier<Map<String, Instant>> lastPolls;
    private final IntSupplier waiting;
    private final Supplier<Instant> lastRead;
    private final IntSupplier abandoned;
    private final InstantSource clock;
    private final Instant started;

    /**
     * @param lastPolls when each inbox was last listed
     * @param waiting   faxes waiting for a worker
     * @param lastRead  when a read last ended
     * @param abandoned engine threads abandoned at a time limit that still run
     */
    public IntakeHealthIndicator(IntakeProperties properties, Supplier<Map<String, Instant>> lastPolls,
                                 IntSupplier waiting, Supplier<Instant> lastRead, IntSupplier abandoned,
                                 InstantSource clock) {
        this.properties = properties;
        this.lastPolls = lastPolls;
        this.waiting = waiting;
        this.lastRead = lastRead;
        this.abandoned = abandoned;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Duration limit = properties.stallAfter();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        Map<String, Instant> polls = lastPolls.get();
        for (IntakeProperties.Inbox inbox : properties.inboxes()) {
            Instant last = polls.getOrDefault(inbox.name(), started);
            boolean stalled = last.plus(limit).isBefore(now);
            details.put("pickup." + inbox.name(), stalled ? "stalled: not listed since " + last : "listed " + last);
            up &= !stalled;
        }
        int queued = waiting.getAsInt();
        Instant read = lastRead.get().isAfter(started) ? lastRead.get() : started;
        boolean workersStalled = queued > 0 && read.plus(limit).isBefore(now);
        details.put("queue", queued);
        details.put("workers", workersStalled ? "stalled: no read ended since " + read : "last read " + read);
        details.put("abandonedEngineThreads", abandoned.getAsInt());
        return (up && !workersStalled ? Health.up() : Health.down()).withDetails(details).build();
    }
}
