package io.todoke.app.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.todoke.app.Fmt;
import io.todoke.app.Labels;
import io.todoke.app.export.ExportTable;
import io.todoke.app.export.Exports;
import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseIndex;
import io.todoke.search.SearchUnavailableException;

/**
 * Search results as CSV or Excel: the same query, filters and ward bound as the page ({@link SearchFilters}), every
 * hit up to {@link #MAX_ROWS}; an empty search is refused.
 */
@Controller
public class SearchExportController {

    /** The index's result window: deeper pages need a scroll, and an export that large is a reindex job. */
    static final int MAX_ROWS = 10_000;
    private static final int PAGE = 200;
    private static final Fmt FMT = new Fmt();
    static final String EMPTY_SEARCH = "検索条件を入力してから出力してください（条件なしの出力はできません）";

    static final List<String> HEADERS = List.of("帳票ID", "区", "氏名", "フリガナ", "生年月日", "年齢", "性別", "類型",
            "診断日", "報告日", "住所", "電話番号", "医療機関", "対応状況", "対応区", "担当者", "療養場所", "確定日時");
    private static final List<String> FIELDS = List.of("patient_name", "patient_name_kana", "birth_date", "age", "sex",
            "case_type", "diagnosis_date", "report_date", "patient_address", "patient_phone", "facility_name",
            "followup_status_label", "followup_ward", "followup_assignee", "followup_stay_label");

    private final ObjectProvider<CaseIndex> index;
    private final Exports exports;

    public SearchExportController(ObjectProvider<CaseIndex> index, Exports exports) {
        this.index = index;
        this.exports = exports;
    }

    @GetMapping("/search/export.{format}")
    ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam(defaultValue = "") String q,
                                  @RequestParam(defaultValue = "") String w, @RequestParam(defaultValue = "") String from,
                                  @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String type,
                                  @RequestParam(defaultValue = "") String sex,
                                  @AuthenticationPrincipal TodokeUser user) {
        Exports.Format f;
        try {
            f = Exports.Format.of(format);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        SearchFilters filters = new SearchFilters(q, w, from, to, type, sex);
        if (filters.isEmpty()) {
            // The page lists nothing for an empty search; its export must not list every case instead.
            return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(EMPTY_SEARCH.getBytes(StandardCharsets.UTF_8));
        }
        CaseIndex.CaseQuery first = filters.query(user, 0, PAGE);
        String detail = filters.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")) + " wards=" + first.wards();
        return exports.download(table(filters, user), f, user.getUsername(), detail);
    }

    /** Every hit of the same query the page runs, page after page, up to {@link #MAX_ROWS}. */
    ExportTable table(SearchFilters filters, TodokeUser user) {
        CaseIndex caseIndex = index.getIfAvailable();
        if (caseIndex == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "no search index configured");
        }
        List<List<Object>> rows = new ArrayList<>();
        try {
            for (int page = 0; rows.size() < MAX_ROWS; page++) {
                CaseIndex.SearchResult result = caseIndex.search(filters.query(user, page, PAGE));
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

    /** A row as staff read it: sex and case type by the press table's labels, the confirmation time in Japan time. */
    private static List<Object> row(CaseIndex.Hit hit) {
        Map<String, Object> fields = hit.document().fields();
        List<Object> row = new ArrayList<>();
        row.add(hit.caseId());
        row.add(hit.document().ward());
        for (String field : FIELDS) {
            Object value = fields.get(field);
            if (value instanceof Number || value == null) {
                row.add(value);
            } else {
                row.add(switch (field) {
                    case "sex" -> Labels.of(Labels.SEX, value);
                    case "case_type" -> Labels.of(Labels.CASE_TYPE, value);
                    default -> String.valueOf(value);
                });
            }
        }
        row.add(FMT.isoTime(hit.document().confirmedAt()));
        return row;
    }
}
