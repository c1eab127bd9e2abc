package io.todoke.app.followup;

import io.todoke.app.Fmt;
import io.todoke.app.export.CsvExport;
import io.todoke.app.export.ExportTable;
import io.todoke.app.review.ReviewView;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.followup.FollowUp;
import io.todoke.store.followup.FollowUpProperties;
import io.todoke.store.followup.FollowUpService;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a ward hands to another municipality when the patient moves away: the notification and its follow-up as a
 * PDF (every field of the 発生届, the follow-up's state and every record with its corrections counted) and as one
 * CSV row (the columns below). Times in Japan time.
 */
@Component
public class HandoffExport {

    static final List<String> CSV_HEADERS = List.of("帳票ID", "氏名", "フリガナ", "生年月日", "性別", "住所", "電話番号",
            "診断日", "担当区", "保健センター", "対応状況", "担当者", "療養場所", "観察終了予定日", "割当日時", "初回連絡日時",
            "終了日時", "記録件数");

    private final FollowUpService followUps;
    private final FollowUpView view;
    private final ReviewView caseView;
    private final Path font;
    private final Fmt fmt = new Fmt();

    public HandoffExport(FollowUpService followUps, FollowUpView view, ReviewView caseView, FollowUpProperties properties) {
        this.followUps = followUps;
        this.view = view;
        this.caseView = caseView;
        this.font = Path.of(properties.handoffFont());
    }

    public byte[] pdf(NotificationCase c, FollowUp f) {
        HandoffPdf pdf = new HandoffPdf(font);
        pdf.heading("移管用 発生届・対応記録").line("帳票ID", c.id().toString())
                .line("出力日時", fmt.time(java.time.Instant.now()));
        pdf.heading("発生届");
        for (ReviewView.FieldRow row : caseView.build(c, null, null).rows()) {
            pdf.line(row.label(), shown(row));
        }
        pdf.heading("対応状況");
        pdf.line("担当区", f.ward()).line("保健センター", f.healthCentre()).line("状態", view.statusLabel(f))
                .line("担当者", f.assignee()).line("療養場所", view.stayLabel(f))
                .line("観察終了予定日", f.observationUntil() == null ? "" : f.observationUntil().toString())
                .line("割当", fmt.time(f.assignedAt())).line("初回連絡", fmt.time(f.firstContactAt()))
                .line("終了", fmt.time(f.closedAt()));
        for (FollowUpView.Record r : view.records(f, followUps.entries(f.caseId()))) {
            pdf.heading(r.kindLabel() + "（" + fmt.time(r.current().at()) + " " + r.current().author()
                    + (r.earlier().isEmpty() ? "" : "、訂正" + r.earlier().size() + "回") + "）");
            r.current().rows().stream().filter(row -> !row.value().isEmpty()).forEach(row -> pdf.line(row.label(), row.value()));
        }
        return pdf.write();
    }

    public byte[] csv(NotificationCase c, FollowUp f) {
        Map<String, ReviewView.FieldRow> rows = new java.util.HashMap<>();
        caseView.build(c, null, null).rows().forEach(r -> rows.put(r.key(), r));
        List<Object> row = new ArrayList<>();
        row.add(c.id().toString());
        for (String key : List.of("patient_name", "patient_name_kana", "birth_date", "sex", "patient_address",
                "patient_phone", "diagnosis_date")) {
            ReviewView.FieldRow r = rows.get(key);
            row.add(r == null ? "" : shown(r));
        }
        row.addAll(List.of(nz(f.ward()), nz(f.healthCentre()), view.statusLabel(f), nz(f.assignee()), view.stayLabel(f),
                f.observationUntil() == null ? "" : f.observationUntil().toString(), fmt.time(f.assignedAt()),
                fmt.time(f.firstContactAt()), fmt.time(f.closedAt()), followUps.entries(f.caseId()).size()));
        return CsvExport.write(new ExportTable("handoff", CSV_HEADERS, List.of(row)));
    }

    /** A field as read on the case page: checked options by label for marks. */
    private static String shown(ReviewView.FieldRow row) {
        if (row.marks()) {
            return String.join("、", row.options().stream().filter(ReviewView.OptionView::checked)
                    .map(ReviewView.OptionView::label).toList());
        }
        return row.input() == null ? "" : row.input();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
