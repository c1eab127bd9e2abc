package io.todoke.tools.rendered;

import io.todoke.tools.samples.FilledForm;
import io.todoke.tools.samples.FormLayout;
import io.todoke.tools.samples.FormLayout.Box;
import io.todoke.tools.samples.MarkStyle;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Renders layout.json (blank form) and a filled form's values as an A4 HTML page for Chromium to print: boxes in
 * millimetres, every value sized to fit its box, per-character jitter for handwriting-like fonts, a heavier stroke on
 * some pages, marks as ✓ ■ × or a circle around the option. An optional cover sheet goes before the form and a TTI
 * line (the sending machine's header) on top of each page.
 */
public final class FormHtml {

    /** How the values are written on one fax. */
    public record Writing(RenderedFonts.Font font, double jitterMm, double strokeMm, MarkStyle marks, String ink) {
    }

    /** The sending machine's header line, or null for none. */
    public record Tti(String when, String fromNumber, String sender) {
    }

    /** The blank form is printed in one font, as a health center prints it. */
    static final String FORM_FONT = "Noto Sans CJK JP";

    private final FormLayout layout;

    public FormHtml(FormLayout layout) {
        this.layout = layout;
    }

    public String page(FilledForm form, Writing writing, Tti tti, boolean cover, Random rnd) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><style>")
                .append("@page{size:210mm 297mm;margin:0}html,body{margin:0;padding:0}")
                .append(".page{position:relative;width:210mm;height:297mm;overflow:hidden;break-after:page}")
                .append(".s{position:absolute;box-sizing:border-box;display:flex;align-items:center;padding:0 .8mm;")
                .append("font-family:'").append(FORM_FONT).append("';line-height:1.1;overflow:hidden}")
                .append(".b{border:.3mm solid #000}.cb{position:absolute;box-sizing:border-box;border:.3mm solid #000}")
                .append(".v{position:absolute;white-space:pre;line-height:1}.v span{display:inline-block;white-space:pre}")
                .append(".tti{position:absolute;left:6mm;top:1.5mm;font:2.4mm 'Noto Sans Mono CJK JP';white-space:pre}")
                .append("</style></head><body>");
        int pages = cover ? 2 : 1;
        if (cover) {
            b.append("<div class=\"page\" data-kind=\"cover\">");
            tti(b, tti, 1, pages);
            coverSheet(b, form);
            b.append("</div>");
        }
        b.append("<div class=\"page\" data-kind=\"form\">");
        tti(b, tti, pages, pages);
        for (FormLayout.StaticItem s : layout.statics()) {
            staticItem(b, s);
        }
        for (FormLayout.Field f : layout.fields()) {
            String text = form.written().get(f.key());
            if (text != null && !f.isMark()) {
                value(b, f, text, writing, rnd);
            }
            for (String marked : form.marked().getOrDefault(f.key(), List.of())) {
                f.options().stream().filter(o -> o.value().equals(marked)).findFirst()
                        .ifPresent(o -> mark(b, o, writing, rnd));
            }
        }
        return b.append("</div></body></html>").toString();
    }

    private static void tti(StringBuilder b, Tti tti, int page, int pages) {
        if (tti != null) {
            b.append("<div class=\"tti\">").append(esc(String.format(Locale.ROOT, "%s  FROM %s  %s  P.%02d/%02d",
                    tti.when(), tti.fromNumber(), tti.sender(), page, pages))).append("</div>");
        }
    }

    private static void coverSheet(StringBuilder b, FilledForm form) {
        b.append("<div class=\"s\" style=\"left:20mm;top:25mm;width:170mm;height:16mm;font-size:10mm;")
                .append("justify-content:center\">FAX送信票</div>");
        String[][] rows = {{"宛先", "神戸市保健所 感染症対策担当 御中"}, {"FAX", "078-000-0000"},
            {"発信元", form.written().getOrDefault("facility_name", "")},
            {"電話", form.written().getOrDefault("facility_phone", "")},
            {"枚数", "本紙を含め 2 枚"}, {"件名", "感染症発生届の送付"}};
        for (int i = 0; i < rows.length; i++) {
            b.append(String.format(Locale.ROOT, "<div class=\"s b\" style=\"left:20mm;top:%.1fmm;width:30mm;height:"
                    + "12mm;font-size:4.5mm\">%s</div><div class=\"s b\" style=\"left:50mm;top:%.1fmm;width:140mm;"
                    + "height:12mm;font-size:4.5mm\">%s</div>", 55.0 + 12 * i, esc(rows[i][0]), 55.0 + 12 * i,
                    esc(rows[i][1])));
        }
        b.append("<div class=\"s b\" style=\"left:20mm;top:140mm;width:170mm;height:60mm;font-size:4.5mm;")
                .append("align-items:flex-start;padding-top:3mm\">いつもお世話になっております。発生届を送付いたします。")
                .append("ご確認のほどよろしくお願いいたします。</div>");
    }

    private static void staticItem(StringBuilder b, FormLayout.StaticItem s) {
        if (s.isCheckbox()) {
            b.append(String.format(Locale.ROOT, "<div class=\"cb\" style=\"left:%.2fmm;top:%.2fmm;width:%.2fmm;"
                    + "height:%.2fmm\"></div>", s.x(), s.y(), s.w(), s.h()));
            return;
        }
        String justify = "center".equals(s.align()) ? "center" : "right".equals(s.align()) ? "flex-end" : "flex-start";
        b.append(String.format(Locale.ROOT, "<div class=\"s%s\" style=\"left:%.2fmm;top:%.2fmm;width:%.2fmm;"
                + "height:%.2fmm;font-size:%.2fmm;justify-content:%s;font-weight:%s\">%s</div>",
                s.border() ? " b" : "", s.x(), s.y(), s.w(), s.h(), s.size() > 0 ? s.size() : 3.0, justify,
                s.bold() ? "bold" : "normal", esc(s.text() == null ? "" : s.text())));
    }

    /** The value sized to fit the cell: full-width characters 1 em, others 0.62 em, plus the jitter's room. */
    private static void value(StringBuilder b, FormLayout.Field f, String text, Writing w, Random rnd) {
        Box box = f.box();
        double pad = 1.2 + rnd.nextDouble() * 1.5;
        double room = w.jitterMm() * 0.4;
        double ems = 0;
        for (int i = 0; i < text.length(); i++) {
            ems += em(text.charAt(i));
        }
        double maxSize = w.font().handwriting() ? 5.2 : 4.4;
        double size = Math.min(Math.min(maxSize, (box.h() - 2 * room) * 0.6),
                (box.w() - 2 * pad - 2 * room) / (ems * 1.08));
        double width = ems * 1.08 * size;
        double x = box.x() + pad;
        double y = box.y() + (box.h() - size) / 2 + (rnd.nextDouble() - 0.5) * Math.min(room, (box.h() - size) / 3);
        b.append(String.format(Locale.ROOT, "<div class=\"v\" data-field=\"%s\" style=\"left:%.2fmm;top:%.2fmm;"
                + "width:%.2fmm;height:%.2fmm;font-size:%.2fmm;font-family:'%s';color:%s;-webkit-text-stroke:%.3fmm %s\">",
                f.key(), x, y, width, size, size, w.font().family(), w.ink(), w.strokeMm(), w.ink()));
        if (w.jitterMm() > 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                double dx = (rnd.nextDouble() - 0.5) * room;
                double dy = (rnd.nextDouble() - 0.5) * room;
                double deg = (rnd.nextDouble() - 0.5) * 6 * w.jitterMm();
                b.append(String.format(Locale.ROOT, "<span style=\"transform:translate(%.2fmm,%.2fmm) rotate(%.1fdeg)\">"
                        + "%s</span>", dx, dy, deg, esc(String.valueOf(c))));
            }
        } else {
            b.append(esc(text));
        }
        b.append("</div>");
    }

    static double em(char c) {
        if (c == ' ') {
            return 0.4;
        }
        return c < 0x2000 || (c >= 0xff61 && c <= 0xff9f) ? 0.62 : 1.0;
    }

    private static void mark(StringBuilder b, FormLayout.Option o, Writing w, Random rnd) {
        Box m = o.mark();
        double jx = (rnd.nextDouble() - 0.5) * 0.6;
        double jy = (rnd.nextDouble() - 0.5) * 0.6;
        switch (w.marks()) {
            case FILL -> b.append(String.format(Locale.ROOT, "<div class=\"mk\" style=\"position:absolute;left:%.2fmm;"
                    + "top:%.2fmm;width:%.2fmm;height:%.2fmm;background:%s\"></div>", m.x() + 0.5, m.y() + 0.5,
                    m.w() - 1, m.h() - 1, w.ink()));
            case CIRCLE -> {
                // within the option's zone, which layout.json defines as what a circle around the option covers: a
                // 30 mm ellipse turned by 4 degrees would reach 1 mm into the next row's zone
                Box z = o.zone();
                b.append(String.format(Locale.ROOT, "<div class=\"mk\" style=\"position:absolute;left:%.2fmm;"
                        + "top:%.2fmm;width:%.2fmm;height:%.2fmm;border:.4mm solid %s;border-radius:50%%;"
                        + "transform:rotate(%.1fdeg)\"></div>", z.x() + 0.4 + jx / 2, z.y() + 0.5 + jy / 2,
                        z.w() - 0.8, z.h() - 1.0, w.ink(), (rnd.nextDouble() - 0.5) * 2));
            }
            default -> {
                double size = m.h() * 1.25;
                b.append(String.format(Locale.ROOT, "<div class=\"mk v\" style=\"left:%.2fmm;top:%.2fmm;"
                        + "font-size:%.2fmm;font-family:'%s';color:%s\">%s</div>", m.x() + jx - 0.1,
                        m.y() + jy - 0.25 * m.h(), size, w.font().family(), w.ink(),
                        w.marks() == MarkStyle.CHECK ? "✓" : "×"));
            }
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
