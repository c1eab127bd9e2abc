package io.todoke.store.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A line of the review queue; {@code disease} is the code of the disease its form reports (null: unclassified). */
public record ReviewTask(
        UUID caseId,
        UUID faxId,
        String inbox,
        String patientName,
        String disease,
        int priority,
        List<String> reasons,
        int doubtfulFields,
        String claimedBy,
        Instant createdAt) {
}
