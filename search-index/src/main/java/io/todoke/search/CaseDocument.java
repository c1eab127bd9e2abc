package io.todoke.search;

import java.util.Map;

/**
 * A confirmed case as indexed: the flat document the search page and statistics read.
 *
 * @param caseId  case id (the document id)
 * @param faxId   the fax it came from
 * @param ward    ward derived from the patient address
 * @param disease code of the disease the case's form reports (the form's {@code disease.code}); null for none
 * @param fields  the case's field values by field key (same keys as the form layout)
 * @param confirmedAt ISO instant
 */
public record CaseDocument(String caseId, String faxId, String ward, String disease, Map<String, Object> fields,
                           String confirmedAt) {

    /** A document of no known disease. */
    public CaseDocument(String caseId, String faxId, String ward, Map<String, Object> fields, String confirmedAt) {
        this(caseId, faxId, ward, null, fields, confirmedAt);
    }
}
