package io.todoke.app.review;

import io.todoke.store.cases.NotificationCase;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The second clerk's page: the fax and, for each field to type, its label and crop only. No reading, no first
 * entry, no confidence, no reasons: nothing in the page that could lead the second entry.
 */
@Component
public class BlindEntryView {

    private final ReviewView views;

    public BlindEntryView(ReviewView views) {
        this.views = views;
    }

    /**
     * @param typed  this clerk's own submitted values when re-shown with errors, else null
     * @param errors messages per field from that submission
     */
    public ReviewView.CaseView build(NotificationCase c, List<String> keys, Map<String, List<String>> typed,
                                     Map<String, List<String>> errors) {
        ReviewView.CaseView full = views.build(c, null, null);
        List<ReviewView.FieldRow> rows = new ArrayList<>();
        int tab = 1;
        for (String key : keys) {
            ReviewView.FieldRow r = full.rows().stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
            if (r == null) {
                continue;
            }
            List<String> mine = typed == null ? List.of() : typed.getOrDefault(key, List.of());
            List<String> problems = errors == null ? List.of() : errors.getOrDefault(key, List.of());
            List<ReviewView.OptionView> options = r.options().stream()
                    .map(o -> new ReviewView.OptionView(o.number(), o.value(), o.label(), mine.contains(o.value())))
                    .toList();
            rows.add(new ReviewView.FieldRow(r.key(), r.label(), r.type(), r.required(), r.marks(), r.multi(), options,
                    r.marks() || mine.isEmpty() ? "" : mine.get(0), null,
                    problems.isEmpty() ? "blind" : "invalid", problems.isEmpty() ? "入力" : "形式エラー",
                    problems, true, tab++, r.page(), r.cropStyle(), r.zoneStyle(), null));
        }
        List<ReviewView.PageView> pages = full.pages().stream()
                .map(p -> new ReviewView.PageView(p.page(), p.width(), p.height(),
                        rows.stream().filter(row -> p.own() && row.page() != null && row.page() == p.page()
                                && row.zoneStyle() != null).toList(), p.own()))
                .toList();
        return new ReviewView.CaseView(c, full.title(), rows, pages, true, false, rows.size());
    }
}
