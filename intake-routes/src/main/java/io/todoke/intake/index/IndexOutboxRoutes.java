package io.todoke.intake.index;

import io.todoke.intake.IntakeProperties;
import org.apache.camel.builder.RouteBuilder;

/** Route {@code index-outbox}: drains the index outbox on a timer. */
public class IndexOutboxRoutes extends RouteBuilder {

    private final IntakeProperties.Outbox settings;
    private final IndexOutboxDrainer drainer;

    public IndexOutboxRoutes(IntakeProperties.Outbox settings, IndexOutboxDrainer drainer) {
        this.settings = settings;
        this.drainer = drainer;
    }

    @Override
    public void configure() {
        from("timer:index-outbox?period=" + settings.interval().toMillis() + "&delay=" + settings.interval().toMillis())
                .routeId("index-outbox")
                .process(e -> drainer.drainOnce());
    }
}
