package io.todoke.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.Supplier;

/** The intake's Micrometer meters, all under {@code todoke.intake.*}. */
public class IntakeMetrics {

    private final MeterRegistry registry;
    private final Counter pages;
    private final Timer readTime;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.pages = Counter.builder("todoke.intake.pages.read").description("Pages read by the engine")
                .register(registry);
        this.readTime = Timer.builder("todoke.intake.read.time").description("Time to read one fax")
                .register(registry);
    }

    /** A file taken from an inbox; outcome new, duplicate or rejected. */
    public void received(String inbox, String outcome) {
        Counter.builder("todoke.intake.faxes.received").description("Files taken from the inboxes")
                .tag("inbox", inbox).tag("outcome", outcome).register(registry).increment();
    }

    public void pagesRead(int count) {
        pages.increment(count);
    }

    public void readTime(Duration time) {
        readTime.record(time);
    }

    /** kind: rejected, pickup, inbox, unreadable, timeout, crash, active-content, index. */
    public void error(String kind) {
        Counter.builder("todoke.intake.errors").description("Faxes that failed, by kind").tag("kind", kind)
                .register(registry).increment();
    }

    public void queueDepth(Supplier<Number> depth) {
        io.micrometer.core.instrument.Gauge.builder("todoke.intake.queue.depth", depth)
                .description("Faxes waiting for an OCR worker").register(registry);
    }

    public void abandonedEngineThreads(Supplier<Number> running) {
        io.micrometer.core.instrument.Gauge.builder("todoke.intake.engine.abandoned", running)
                .description("Engine threads abandoned at a time limit that still run").register(registry);
    }

    public void outboxPending(Supplier<Number> pending) {
        io.micrometer.core.instrument.Gauge.builder("todoke.intake.index.outbox.pending", pending)
                .description("Cases waiting to be written to the search index").register(registry);
    }
}
