package io.todoke.intake.pickup;

import io.todoke.intake.IntakeProperties;
import org.apache.camel.builder.RouteBuilder;

/** One route per inbox ({@code pickup-<name>}): a timer that lists the inbox with {@link InboxScanner}. */
public class PickupRoutes extends RouteBuilder {

    private final IntakeProperties properties;
    private final InboxScanner scanner;

    public PickupRoutes(IntakeProperties properties, InboxScanner scanner) {
        this.properties = properties;
        this.scanner = scanner;
    }

    @Override
    public void configure() {
        long poll = properties.pollDelay().toMillis();
        for (IntakeProperties.Inbox inbox : properties.inboxes()) {
            from("timer:todoke-pickup-" + inbox.name() + "?delay=" + poll + "&period=" + poll)
                    .routeId("pickup-" + inbox.name())
                    .process(e -> scanner.poll(inbox));
        }
    }
}
