package io.todoke.app.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import io.todoke.app.forms.FormLayouts;
import io.todoke.ocr.FormCatalog;
import io.todoke.app.export.Exports;
import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseIndex;
import io.todoke.search.SearchUnavailableException;

/**
 * Search results as CSV or Excel: the same query, filters and ward bound as the page ({@link SearchFilters}), every
 * hit up to {@link #MAX_ROWS}; an empty search is refused. Results of one disease ({@code d}) have that disease's form
 * fields as columns (the newest form's, headed by their printed labels); results of every disease have the columns
 * their forms share.
 */
@Controller
public class SearchExportController {

    /** The index's result window: deeper pages need a scroll, and an export that large is a reindex job. */
    static final int MAX_ROWS = 10_000;
    private static final int PAGE = 200;
    private static final Fmt FMT = new Fmt();
    static final String EMPTY_SEARCH = "検索条件を入力してから出力してください（条件なしの出力はできません）";

    /** The ward's follow-up, after the patient block or a form's own fields. */
    private static final List<String> FOLLOW_UP_HEADERS = List.of("対応状況", "対応区", "担当者", "療養場所");
    private static final List<String> FOLLOW_UP_FIELDS = List.of("followup_status_label", "followup_ward",
            "followup_assignee", "followup_stay_label");

    /** The shared patient block of every form, for an export across diseases. */
    private static final List<String> FIELDS = Stream.concat(Stream.of("patient_name", "patient_name_kana",
            "birth_date", "age", "sex", "case_type", "diagnosis_date", "report_date", "patient_address",
            "patient_phone", "facility_name"), FOLLOW_UP_FIELDS.stream()).toList();
    static final List<String> HEADERS = Stream.of(Stream.of("帳票ID", "疾患", "区", "氏名", "フリガナ", "生年月日", "年齢",
            "性別", "類型", "診断日", "報告日", "住所", "電話番号", "医療機関"), FOLLOW_UP_HEADERS.stream(), Stream.of("確定日時"))
            .flatMap(h -> h).toList();

    private final ObjectProvider<CaseIndex> index;
    private final Exports exports;
    private final FormLayouts forms;

    public SearchExportController(ObjectProvider<CaseIndex> index, Exports exports, FormLayouts forms) {
        this.index = index;
        this.exports = exports;
        this.forms = forms;
    }

    @GetMapping("/search/export.{format}")
    ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam(defaultValue = "") String q,
                                  @RequestParam(defaultValue = "") String w, @RequestParam(defaultValue = "") String from,
                                  @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String type,
                                  @RequestParam(defaultValue = "") String sex,
                                  @RequestParam(defaultValue = "") String d,
                                  @AuthenticationPrincipal TodokeUser user) {
        Exports.Format f;
        try {
            f = Exports.Format.of(format);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        SearchFilters filters = new SearchFilters(q, w, from, to, type, sex, d);
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
        Optional<FormCatalog.Form> form = filters.d().isEmpty() ? Optional.empty() : forms.newestOf(filters.d());
        List<String> headers = form.map(SearchExportController::headers).orElse(HEADERS);
        List<List<Object>> rows = new ArrayList<>();
        try {
            for (int page = 0; rows.size() < MAX_ROWS; page++) {
                CaseIndex.SearchResult result = caseIndex.search(filters.query(user, page, PAGE));
                for (CaseIndex.Hit hit : result.hits()) {
                    rows.add(form.isPresent() ? row(hit, form.get()) : row(hit));
                }
                if (result.hits().size() < PAGE || rows.size() >= result.total()) {
                    break;
                }
            }
        } catch (SearchUnavailableException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "search unavailable", e);
        }
        return new ExportTable("search-results", headers, rows);
    }

    /** 帳票ID, 疾患, 区, each field of the form by its printed label, the follow-up, 確定日時. */
    static List<String> headers(FormCatalog.Form form) {
        List<String> headers = new ArrayList<>(List.of("帳票ID", "疾患", "区"));
        form.fields().forEach(f -> headers.add(f.label().isBlank() ? f.key() : f.label()));
        headers.addAll(FOLLOW_UP_HEADERS);
        headers.add("確定日時");
        return headers;
    }

    /** A row of one disease's form: options by their labels (sex and case type by the press table's). */
    private List<Object> row(CaseIndex.Hit hit, FormCatalog.Form form) {
        Map<String, Object> fields = hit.document().fields();
        List<Object> row = new ArrayList<>();
        row.add(hit.caseId());
        row.add(forms.diseaseName(hit.document().disease()));
        row.add(hit.document().ward());
        for (FormCatalog.Field field : form.fields()) {
            row.add(cell(field, fields.get(field.key())));
        }
        FOLLOW_UP_FIELDS.forEach(key -> row.add(fields.get(key)));
        row.add(FMT.isoTime(hit.document().confirmedAt()));
        return row;
    }

    private static Object cell(FormCatalog.Field field, Object value) {
        if (value instanceof Number || value == null) {
            return value;
        }
        Map<String, String> options = switch (field.key()) {
            case "sex" -> Labels.SEX;
            case "case_type" -> Labels.CASE_TYPE;
            default -> field.options().stream()
                    .collect(Collectors.toMap(FormCatalog.Option::value, FormCatalog.Option::label, (a, b) -> a));
        };
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> Labels.of(options, v)).collect(Collectors.joining("、"));
        }
        return Labels.of(options, value);
    }

    /** A row as staff read it: sex and case type by the press table's labels, the confirmation time in Japan time. */
    private List<Object> row(CaseIndex.Hit hit) {
        Map<String, Object> fields = hit.document().fields();
        List<Object> row = new ArrayList<>();
        row.add(hit.caseId());
        row.add(forms.diseaseName(hit.document().disease()));
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
