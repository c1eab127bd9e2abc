package io.todoke.app.review;

import io.todoke.app.forms.FormLayouts;
import io.todoke.ocr.FormCatalog;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.PixelBox;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.review.FaxOriginals;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds what the review and case pages show of a case: its pages with field zones, and one row per field. */
@Component
public class ReviewView {

    /** Widest crop shown beside a field, in CSS pixels. */
    static final int CROP_MAX_WIDTH = 520;
    /** Fax pages are about 200 dpi; at 0.55 handwriting is still legible and a row stays compact. */
    static final double CROP_SCALE = 0.55;
    static final int CROP_MARGIN = 6;

    public record OptionView(int number, String value, String label, boolean checked) {
    }

    /** One field row. {@code tabIndex} puts doubtful fields first in the Tab order. */
    public record FieldRow(String key, String label, String type, boolean required, boolean marks, boolean multi,
                           List<OptionView> options, String input, String raw, String statusClass, String statusLabel,
                           List<String> reasons, boolean doubtful, int tabIndex, Integer page, String cropStyle,
                           String zoneStyle, String confidence) {
    }

    /**
     * A page of the fax with the zones of the fields read from it; {@code own} is false for the fax's other pages
     * (cover sheet, a second form, a lab report), shown too so nobody needs to download the original to see them.
     */
    public record PageView(int page, int width, int height, List<FieldRow> zones, boolean own) {
    }

    public record CaseView(NotificationCase c, String title, List<FieldRow> rows, List<PageView> pages,
                           boolean reviewable, boolean correctable, int doubtfulCount) {
        public String stateLabel() {
            return ReviewView.stateLabel(c.state());
        }
    }

    private final FormLayouts layouts;
    private final FaxOriginals originals;

    public ReviewView(FormLayouts layouts, FaxOriginals originals) {
        this.layouts = layouts;
        this.originals = originals;
    }

    /**
     * @param typed  the clerk's submitted inputs (field key → values) when re-showing a form with errors, else null
     * @param errors messages per field from that submission
     */
    public CaseView build(NotificationCase c, Map<String, List<String>> typed, Map<String, List<String>> errors) {
        FormCatalog.Form layout = c.templateId() == null ? null : layouts.layout(c.templateId(), c.templateVersion()).orElse(null);
        Map<Integer, int[]> sizes = originals.pageSizes(c.faxId());
        List<FormCatalog.Field> fields = new ArrayList<>();
        if (layout != null) {
            fields.addAll(layout.fields());
        }
        for (String key : c.fields().keySet()) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                fields.add(new FormCatalog.Field(key, key, "text", false, List.of()));
            }
        }
        boolean reviewing = c.state() == CaseState.AWAITING_REVIEW;
        List<FieldRow> rows = new ArrayList<>();
        int tab = 1;
        int doubtful = 0;
        for (FormCatalog.Field f : fields) {
            FieldReading r = c.fields().get(f.key());
            List<String> fieldErrors = errors == null ? List.of() : errors.getOrDefault(f.key(), List.of());
            boolean needs = reviewing && r != null && (r.status().needsReview() || (f.required() && r.status() == FieldStatus.EMPTY));
            if (r == null && f.required() && reviewing) {
                needs = true;
            }
            needs = needs || !fieldErrors.isEmpty();
            String statusClass;
            String statusLabel;
            if (!fieldErrors.isEmpty()) {
                statusClass = "invalid";
                statusLabel = "形式エラー";
            } else if (r == null || r.status() == FieldStatus.EMPTY) {
                statusClass = f.required() ? "required" : "empty";
                statusLabel = f.required() ? "必須" : "空欄";
            } else if (r.status() == FieldStatus.LOW_CONFIDENCE) {
                statusClass = "low";
                statusLabel = "低信頼度";
            } else if (r.status() == FieldStatus.INVALID) {
                statusClass = "invalid";
                statusLabel = "形式エラー";
            } else {
                statusClass = "ok";
                statusLabel = "OK";
            }
            List<String> reasons = new ArrayList<>(fieldErrors);
            if (fieldErrors.isEmpty() && r != null) {
                reasons.addAll(r.messages());
            }
            if (reasons.isEmpty() && "required".equals(statusClass)) {
                reasons.add("必須項目が空欄です");
            }
            List<String> submitted = typed == null ? null : typed.getOrDefault(f.key(), List.of());
            Object value = r == null ? null : r.value();
            List<OptionView> options = new ArrayList<>();
            int n = 1;
            for (FormCatalog.Option o : f.options()) {
                boolean checked = submitted != null ? submitted.contains(o.value())
                        : value instanceof Collection<?> list ? list.contains(o.value()) : o.value().equals(value);
                options.add(new OptionView(n++, o.value(), o.label(), checked));
            }
            String input = submitted != null ? (submitted.isEmpty() ? "" : submitted.get(0))
                    : value != null ? value.toString() : r != null && r.raw() != null && r.status() == FieldStatus.INVALID ? r.raw() : "";
            int[] size = r == null || r.box() == null ? null : sizes.get(r.page());
            rows.add(new FieldRow(f.key(), f.label(), f.type(), f.required(), f.marks(), "multi_choice".equals(f.type()),
                    options, f.marks() ? "" : input, r == null ? null : r.raw(), statusClass, statusLabel, reasons, needs,
                    needs ? tab++ : 0, r == null ? null : r.page(),
                    size == null ? null : cropStyle(c, r.page(), r.box(), size),
                    size == null ? null : zoneStyle(r.box(), size),
                    // An empty field's confidence (100%) beside a doubtful one's (94%) reads as the wrong way round.
                    r == null || r.status() == FieldStatus.EMPTY ? null
                            : String.format(Locale.ROOT, "%.0f%%", r.confidence() * 100)));
            if (needs) {
                doubtful++;
            }
        }
        List<PageView> pages = new ArrayList<>();
        Set<Integer> casePages = new java.util.TreeSet<>(c.pages());
        if (casePages.isEmpty()) {
            casePages.addAll(sizes.keySet());
        }
        // Every page of the fax in its order; the case's own pages carry the field zones.
        for (int p : new java.util.TreeSet<>(sizes.keySet())) {
            int[] size = sizes.get(p);
            boolean own = casePages.contains(p);
            pages.add(new PageView(p, size[0], size[1], own
                    ? rows.stream().filter(row -> row.page() != null && row.page() == p && row.zoneStyle() != null).toList()
                    : List.of(), own));
        }
        String title = layout != null ? layout.title() : "未分類のページ";
        boolean correctable = c.state() == CaseState.CONFIRMED || c.state() == CaseState.INDEXED
                || c.state() == CaseState.AUTO_CONFIRMED;
        return new CaseView(c, title, rows, pages, reviewing, correctable, doubtful);
    }

    /** The zone as a CSS background crop of the page image, so a row needs no extra image request. */
    private static String cropStyle(NotificationCase c, int page, PixelBox box, int[] size) {
        int x = Math.max(0, box.x() - CROP_MARGIN);
        int y = Math.max(0, box.y() - CROP_MARGIN);
        int w = Math.min(size[0] - x, box.width() + 2 * CROP_MARGIN);
        int h = Math.min(size[1] - y, box.height() + 2 * CROP_MARGIN);
        double s = Math.min(CROP_SCALE, (double) CROP_MAX_WIDTH / w);
        return String.format(Locale.ROOT,
                "width:%.0fpx;height:%.0fpx;background-image:url('/cases/%s/pages/%d.png');"
                        + "background-size:%.1fpx %.1fpx;background-position:-%.1fpx -%.1fpx",
                w * s, h * s, c.id(), page, size[0] * s, size[1] * s, x * s, y * s);
    }

    /** The zone as percentages of the page, so it stays on its field at any zoom. */
    private static String zoneStyle(PixelBox box, int[] size) {
        return String.format(Locale.ROOT, "left:%.3f%%;top:%.3f%%;width:%.3f%%;height:%.3f%%",
                100.0 * box.x() / size[0], 100.0 * box.y() / size[1],
                100.0 * box.width() / size[0], 100.0 * box.height() / size[1]);
    }

    public static String stateLabel(CaseState state) {
        return switch (state) {
            case AWAITING_REVIEW -> "確認待ち";
            case AUTO_CONFIRMED -> "自動確定";
            case CONFIRMED -> "確定";
            case INDEXED -> "確定（検索可）";
            case REJECTED -> "却下";
        };
    }
}
