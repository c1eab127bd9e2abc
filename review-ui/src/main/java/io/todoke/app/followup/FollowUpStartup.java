package io.todoke.app.followup;

import io.todoke.store.followup.FollowUpService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Confirmed cases without a follow-up (confirmed before it existed) are assigned to their ward at start-up. */
@Component
public class FollowUpStartup implements ApplicationRunner {

    private final FollowUpService followUps;

    public FollowUpStartup(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void run(ApplicationArguments args) {
        followUps.openMissing();
    }
}
