package io.todoke.intake.index;

import io.todoke.ocr.FieldReading;
import io.todoke.search.CaseDocument;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.jurisdiction.Jurisdiction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** A case as the search index holds it: field values by key, the ward, its disease, when it was confirmed. */
public final class CaseDocuments {

    private final Jurisdiction jurisdiction;
    private final Function<UUID, Map<String, Object>> more;

    /** @param jurisdiction derives the ward of a case stored without one */
    public CaseDocuments(Jurisdiction jurisdiction) {
        this(jurisdiction, id -> Map.of());
    }

    /** @param more values kept outside the case that its document carries too (the ward's follow-up) */
    public CaseDocuments(Jurisdiction jurisdiction, Function<UUID, Map<String, Object>> more) {
        this.jurisdiction = jurisdiction;
        this.more = more;
    }

    public CaseDocument of(NotificationCase c) {
        Map<String, Object> values = new LinkedHashMap<>();
        c.fields().forEach((key, field) -> {
            if (field.value() != null) {
                values.put(key, field.value());
            }
        });
        more.apply(c.id()).forEach(values::putIfAbsent);
        String ward = c.ward();
        if (ward == null) {
            FieldReading address = c.fields().get("patient_address");
            ward = jurisdiction.wardOf(address == null || address.value() == null ? null : address.value().toString());
        }
        return new CaseDocument(c.id().toString(), c.faxId().toString(), ward, c.disease(), values,
                c.confirmedAt() == null ? null : c.confirmedAt().toString());
    }
}
