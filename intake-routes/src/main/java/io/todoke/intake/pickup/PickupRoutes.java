package io.todoke.intake.pickup;

import io.todoke.intake.claim.ClaimKeeper;
import io.todoke.intake.config.IntakeProperties;
import org.apache.camel.builder.RouteBuilder;

/**
 * One route per inbox ({@code pickup-<name>}): a timer that lists the inbox with {@link InboxScanner}. Route
 * {@code claims-renew} keeps this instance's claims alive; {@code claims-take-over} takes over the work of
 * instances that stopped renewing theirs (the first run at start-up takes over what an earlier run left).
 */
public class PickupRoutes extends RouteBuilder {

    private final IntakeProperties properties;
    private final InboxScanner scanner;
    private final ClaimKeeper keeper;
    private final boolean takeOver;

    public PickupRoutes(IntakeProperties properties, InboxScanner scanner, ClaimKeeper keeper, boolean takeOver) {
        this.properties = properties;
        this.scanner = scanner;
        this.keeper = keeper;
        this.takeOver = takeOver;
    }

    @Override
    public void configure() {
        long poll = properties.pollDelay().toMillis();
        for (IntakeProperties.Inbox inbox : properties.inboxes()) {
            from("timer:todoke-pickup-" + inbox.name() + "?delay=" + poll + "&period=" + poll)
                    .routeId("pickup-" + inbox.name())
                    .process(e -> scanner.poll(inbox));
        }
        long renew = Math.max(100, properties.claims().lease().toMillis() / 3);
        from("timer:todoke-claims-renew?delay=" + renew + "&period=" + renew)
                .routeId("claims-renew")
                .process(e -> keeper.renew());
        if (takeOver) {
            long scan = properties.claims().scanInterval().toMillis();
            from("timer:todoke-claims-take-over?delay=1000&period=" + scan)
                    .routeId("claims-take-over")
                    .process(e -> keeper.takeOver());
        }
    }
}
