package io.todoke.app.followup;

import io.todoke.app.security.TodokeUser;
import io.todoke.store.followup.FollowUp;
import io.todoke.store.followup.FollowUpService;
import io.todoke.store.review.CaseNotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may see which follow-up: staff bound to a ward see the cases their ward follows up; city-wide staff (the
 * leads) see every ward's. A case without a follow-up (not confirmed) is not found.
 */
@Component
public class FollowUpAccess {

    private final FollowUpService followUps;

    public FollowUpAccess(FollowUpService followUps) {
        this.followUps = followUps;
    }

    /** The follow-up holding this case (its own, or the linked case's), if the user may see it. */
    public FollowUp require(UUID caseId, TodokeUser user) {
        FollowUp f = followUps.holding(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (!user.maySee(f.ward())) {
            throw new AccessDeniedException("follow-up of " + caseId + " belongs to another ward");
        }
        return f;
    }

    /** The ward whose lists a user sees: their own when bound to one; else the one asked for, or all (null). */
    public String wardScope(TodokeUser user, String requested) {
        if (!user.cityWide()) {
            return user.getWard();
        }
        return requested == null || requested.isBlank() ? null : requested;
    }
}
