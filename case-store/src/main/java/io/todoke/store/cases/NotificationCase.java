package io.todoke.store.cases;

import io.todoke.ocr.FieldReading;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One notification form (発生届) found in a fax, and what became of it.
 *
 * @param id              case id
 * @param faxId           the fax it came from
 * @param pages           0-based pages of the fax the form is on
 * @param templateId      form template id, null for an unclassified page
 * @param templateVersion form template version
 * @param disease         code of the disease the form reports (its layout's {@code disease.code}), null for an
 *                        unclassified page
 * @param state           see {@link CaseState}
 * @param fields          by field key, in template order; a clerk's correction replaces the reading
 *                        with status ok and confidence 1 while keeping the engine's raw text
 * @param reviewReasons   why it waits for review (Japanese, for the clerk); empty otherwise
 * @param ward            the ward derived from the patient address at confirmation (null before)
 * @param priority        lower first: 0 deceased, 1 age 65 or more, 2 others
 * @param claimedBy       the clerk holding it in review, if any
 * @param createdAt       when it was read
 * @param confirmedAt     when it was confirmed (auto or by a clerk)
 * @param confirmedBy     who confirmed it ("system" for auto-confirmation)
 * @param version         optimistic-lock version; every update must present it
 */
public record NotificationCase(
        UUID id,
        UUID faxId,
        List<Integer> pages,
        String templateId,
        String templateVersion,
        String disease,
        CaseState state,
        Map<String, FieldReading> fields,
        List<String> reviewReasons,
        String ward,
        int priority,
        String claimedBy,
        Instant createdAt,
        Instant confirmedAt,
        String confirmedBy,
        long version) {
}
