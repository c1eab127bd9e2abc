package io.todoke.intake.index;

import io.todoke.ocr.FieldReading;
import io.todoke.search.CaseDocument;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.jurisdiction.Jurisdiction;

import java.util.LinkedHashMap;
import java.util.Map;

/** A case as the search index holds it: field values by key, the ward, its disease, when it was confirmed. */
public final class CaseDocuments {

    private final Jurisdiction jurisdiction;

    /** @param jurisdiction derives the ward of a case stored without one */
    public CaseDocuments(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    public CaseDocument of(NotificationCase c) {
        Map<String, Object> values = new LinkedHashMap<>();
        c.fields().forEach((key, field) -> {
            if (field.value() != null) {
                values.put(key, field.value());
            }
        });
        String ward = c.ward();
        if (ward == null) {
            FieldReading address = c.fields().get("patient_address");
            ward = jurisdiction.wardOf(address == null || address.value() == null ? null : address.value().toString());
        }
        return new CaseDocument(c.id().toString(), c.faxId().toString(), ward, c.disease(), values,
                c.confirmedAt() == null ? null : c.confirmedAt().toString());
    }
}
