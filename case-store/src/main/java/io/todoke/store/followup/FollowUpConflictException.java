package io.todoke.store.followup;

/** Someone else changed the follow-up (or the record) since it was loaded: nothing was overwritten. */
public class FollowUpConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FollowUpConflictException(String message) {
        super(message);
    }
}
