package io.todoke.intake.ops;

import io.todoke.intake.IntakeProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeHealthIndicatorTest {

    private final IntakeProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
            "todoke.intake.stall-after", "5m"))).bindOrCreate("todoke.intake", IntakeProperties.class);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T01:00:00Z"));
    private final AtomicReference<Instant> polled = new AtomicReference<>(now.get());
    private final AtomicReference<Instant> lastRead = new AtomicReference<>(now.get());
    private final AtomicInteger waiting = new AtomicInteger();
    private final IntakeHealthIndicator health = new IntakeHealthIndicator(properties,
            () -> Map.of("fax", polled.get()), waiting::get, lastRead::get, () -> 0, now::get);

    @Test
    void aPickupThatStoppedListingItsInboxIsDown() {
        now.set(now.get().plusSeconds(240));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        now.set(now.get().plusSeconds(120));
        var down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("pickup.fax")).asString().startsWith("stalled");
    }

    @Test
    void workersThatReadNothingWhileFaxesWaitAreDownAndIdleWorkersAreNot() {
        now.set(now.get().plusSeconds(600));
        polled.set(now.get());
        assertThat(health.health().getStatus()).as("idle, nothing waits").isEqualTo(Status.UP);

        waiting.set(3);
        var down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("workers")).asString().startsWith("stalled");

        lastRead.set(now.get());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
