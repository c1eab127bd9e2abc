package io.todoke.store.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A line of the review queue. */
public record ReviewTask(
        UUID caseId,
        UUID faxId,
        String inbox,
        String patientName,
        int priority,
        List<String> reasons,
        int doubtfulFields,
        String claimedBy,
        Instant createdAt) {
}
