package io.todoke.store.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened to a case: a view, a correction, a confirmation, a rejection, an export.
 *
 * @param action   VIEW, CORRECT, CONFIRM, REJECT, CLAIM, RELEASE, LINK, EXPORT, REINDEX ...
 * @param field    for corrections, the field key
 * @param readValue for corrections, what the engine read
 * @param oldValue  for corrections, the value before (JSON text)
 * @param newValue  for corrections, the value after (JSON text)
 */
public record AuditEntry(
        long id,
        UUID caseId,
        String actor,
        String action,
        String field,
        String readValue,
        String oldValue,
        String newValue,
        String detail,
        Instant at) {
}
