package io.todoke.store.review;

import io.todoke.store.audit.AuditEntry;
import io.todoke.store.cases.NotificationCase;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a clerk does to cases, every step committed and audited. The web layer calls only this.
 */
public interface ReviewService {

    /** Cases awaiting review, by priority then oldest first. */
    List<ReviewTask> queue(int limit);

    /** Counts of waiting cases by reason and by inbox. */
    Map<String, Long> queueCountsByReason();

    Map<String, Long> queueCountsByInbox();

    /** Claims the first unclaimed case in queue order for this clerk, or the one they already hold. */
    Optional<NotificationCase> claimNext(String clerk);

    /** Claims this case; throws {@link CaseTakenException} if another clerk holds it. */
    NotificationCase claim(UUID caseId, String clerk);

    void release(UUID caseId, String clerk);

    /** Reads a case without recording a view (for images and access checks). */
    Optional<NotificationCase> find(UUID caseId);

    /** Reads a case and records the view. */
    Optional<NotificationCase> view(UUID caseId, String actor);

    /**
     * Sets fields to the clerk's values (already normalised by the caller), audited one by one.
     * Works on confirmed cases too (re-indexed through the outbox).
     *
     * @throws CaseTakenException if {@code expectedVersion} is stale or another clerk holds it
     */
    NotificationCase correct(UUID caseId, Map<String, Object> values, String clerk, long expectedVersion);

    /** Confirms the case and queues it for the index. */
    NotificationCase confirm(UUID caseId, String clerk, long expectedVersion);

    /** Rejects the case (e.g. not a notification form) with a reason. */
    NotificationCase reject(UUID caseId, String reason, String clerk, long expectedVersion);

    /**
     * Puts a rejected case back in the queue, audited as RESTORE with the reason it had been rejected for.
     *
     * @param claimFor the clerk who keeps it claimed (a clerk undoing their own rejection), or null: back in the queue
     * @throws IllegalStateException if the case is not rejected
     */
    NotificationCase restore(UUID caseId, String actor, String claimFor);

    /** The rejection that put this case where it is, if it is rejected. */
    Optional<RejectedCase> rejection(UUID caseId);

    /** Rejected cases, the most recently rejected first. */
    List<RejectedCase> rejected(int limit);

    /** Other cases with the same reading or name and birth date received recently. */
    List<NotificationCase> possibleDuplicates(UUID caseId);

    List<AuditEntry> history(UUID caseId);

    /** Links this case to another one it repeats (a re-sent or corrected fax), audited. */
    NotificationCase link(UUID caseId, UUID otherCaseId, String clerk, long expectedVersion);

    /** Records an action on a case done outside this service (e.g. DOWNLOAD of the original, EXPORT). */
    void record(UUID caseId, String actor, String action, String detail);
}
