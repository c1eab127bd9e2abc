package io.todoke.app.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.todoke.app.export.ExportTable;
import io.todoke.app.export.Exports;
import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseIndex;
import io.todoke.search.SearchUnavailableException;

/** Search results as CSV or Excel: the same query and ward bound as the page, every hit up to {@link #MAX_ROWS}. */
@Controller
public class SearchExportController {

    /** The index's result window: deeper pages need a scroll, and an export that large is a reindex job. */
    static final int MAX_ROWS = 10_000;
    private static final int PAGE = 200;

    static final List<String> HEADERS = List.of("帳票ID", "区", "氏名", "フリガナ", "生年月日", "年齢", "性別", "類型",
            "診断日", "報告日", "住所", "電話番号", "医療機関", "確定日時");
    private static final List<String> FIELDS = List.of("patient_name", "patient_name_kana", "birth_date", "age", "sex",
            "case_type", "diagnosis_date", "report_date", "patient_address", "patient_phone", "facility_name");

    private final ObjectProvider<CaseIndex> index;
    private final Exports exports;

    public SearchExportController(ObjectProvider<CaseIndex> index, Exports exports) {
        this.index = index;
        this.exports = exports;
    }

    @GetMapping("/search/export.{format}")
    ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam(defaultValue = "") String q,
                                  @AuthenticationPrincipal TodokeUser user) {
        Exports.Format f;
        try {
            f = Exports.Format.of(format);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        List<String> wards = user.cityWide() ? List.of() : List.of(user.getWard());
        return exports.download(table(q.strip(), wards), f, user.getUsername(), "q=" + q.strip() + " wards=" + wards);
    }

    ExportTable table(String q, List<String> wards) {
        CaseIndex caseIndex = index.getIfAvailable();
        if (caseIndex == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "no search index configured");
        }
        List<List<Object>> rows = new ArrayList<>();
        try {
            for (int page = 0; rows.size() < MAX_ROWS; page++) {
                CaseIndex.SearchResult result = caseIndex.search(
                        new CaseIndex.CaseQuery(q, wards, null, null, null, null, page, PAGE));
                for (CaseIndex.Hit hit : result.hits()) {
                    rows.add(row(hit));
                }
                if (result.hits().size() < PAGE || rows.size() >= result.total()) {
                    break;
                }
            }
        } catch (SearchUnavailableException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "search unavailable", e);
        }
        return new ExportTable("search-results", HEADERS, rows);
    }

    private static List<Object> row(CaseIndex.Hit hit) {
        Map<String, Object> fields = hit.document().fields();
        List<Object> row = new ArrayList<>();
        row.add(hit.caseId());
        row.add(hit.document().ward());
        for (String field : FIELDS) {
            Object value = fields.get(field);
            row.add(value instanceof Number || value == null ? value : String.valueOf(value));
        }
        row.add(hit.document().confirmedAt());
        return row;
    }
}
