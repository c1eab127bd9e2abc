package io.todoke.store.followup;

import java.util.UUID;

/** The case has no follow-up (not confirmed, or not a case). */
public class FollowUpNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FollowUpNotFoundException(UUID caseId) {
        super("no follow-up for case " + caseId);
    }
}
