package io.todoke.search;

import java.util.List;

/** The search index over confirmed cases, a derived copy of the database. */
public interface CaseIndex {

    /** Creates or updates the document; throws {@link SearchUnavailableException} if the cluster is down. */
    void index(CaseDocument document);

    void delete(String caseId);

    /** Searches for staff; {@code wards} empty means all wards (city-wide role). */
    SearchResult search(CaseQuery query);

    /** Replaces the index contents with these documents (reindex behind the alias). */
    void rebuild(Iterable<CaseDocument> documents);

    /** A search; {@code disease} a disease code to keep to, null or blank for every disease. */
    record CaseQuery(String text, List<String> wards, String reportDateFrom, String reportDateTo,
                     String caseType, String sex, String disease, int page, int size) {

        /** A search over every disease. */
        public CaseQuery(String text, List<String> wards, String reportDateFrom, String reportDateTo,
                         String caseType, String sex, int page, int size) {
            this(text, wards, reportDateFrom, reportDateTo, caseType, sex, null, page, size);
        }

        public static CaseQuery text(String text) {
            return new CaseQuery(text, List.of(), null, null, null, null, 0, 20);
        }
    }

    record Hit(String caseId, CaseDocument document, java.util.Map<String, List<String>> highlights) {
    }

    record SearchResult(long total, List<Hit> hits, java.util.Map<String, java.util.Map<String, Long>> facets) {
    }
}
