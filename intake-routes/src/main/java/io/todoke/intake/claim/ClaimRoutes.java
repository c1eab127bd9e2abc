package io.todoke.intake.claim;

import io.todoke.intake.IntakeProperties;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code claims-renew} keeps this instance's claims alive; {@code claims-take-over} takes over the work of
 * instances that stopped renewing theirs (the first run at start-up takes over what an earlier run left).
 */
public class ClaimRoutes extends RouteBuilder {

    private final IntakeProperties properties;
    private final ClaimKeeper keeper;
    private final boolean takeOver;

    public ClaimRoutes(IntakeProperties properties, ClaimKeeper keeper, boolean takeOver) {
        this.properties = properties;
        this.keeper = keeper;
        this.takeOver = takeOver;
    }

    @Override
    public void configure() {
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
