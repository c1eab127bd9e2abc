package io.todoke.store.review;

import java.time.Instant;
import java.util.UUID;

/** A rejected case as an administrator lists it to restore one: who rejected it, when and why. */
public record RejectedCase(
        UUID caseId,
        String patientName,
        String reason,
        String rejectedBy,
        Instant rejectedAt,
        Instant createdAt) {
}
