package io.todoke.ocr.engine;

import io.todoke.ocr.image.Gray;
import io.todoke.ocr.proposal.AnalysedPage;
import io.todoke.ocr.proposal.Boxes;
import io.todoke.ocr.proposal.Labels;
import io.todoke.ocr.proposal.PageGrid;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.OptionSpec;

/**
 * What is printed on a page of a revised layout, from the page itself: all its ink but what lies inside the value
 * cells, where only the cell's border, a choice field's check boxes and its options' printed labels are printed.
 */
final class PrintedInk {

    private PrintedInk() {
    }

    static Gray of(Gray ink, AnalysedPage page, FormTemplate revised, double pxPerMm) {
        byte[] out = ink.px().clone();
        int w = ink.width();
        int h = ink.height();
        double border = 0.7;
        for (FieldSpec f : revised.fields()) {
            MmBox inner = f.box().inset(border);
            fill(out, w, h, inner, pxPerMm, (byte) 0);
            for (PageGrid.TextLine t : page.textsIn(f.box())) {
                boolean optionLabel = f.options().stream().anyMatch(o ->
                        Labels.similarity(Labels.normal(t.text()), Labels.normal(o.label())) >= 0.4);
                if (optionLabel && page.checkboxesIn(t.box()).isEmpty()) {
                    copy(out, ink.px(), w, h, t.box().grow(0.3), pxPerMm);
                }
            }
            for (OptionSpec o : f.options()) {
                ring(out, w, h, o.mark(), pxPerMm);
            }
        }
        return new Gray(out, w, h);
    }

    private static void ring(byte[] out, int w, int h, MmBox b, double pxPerMm) {
        MmBox outer = b.grow(0.1);
        MmBox hole = b.inset(0.45);
        for (int y = px(outer.y(), pxPerMm); y < px(outer.y() + outer.h(), pxPerMm); y++) {
            for (int x = px(outer.x(), pxPerMm); x < px(outer.x() + outer.w(), pxPerMm); x++) {
                if (x >= 0 && y >= 0 && x < w && y < h && !Boxes.contains(hole, (x + 0.5) / pxPerMm, (y + 0.5) / pxPerMm)) {
                    out[y * w + x] = (byte) 255;
                }
            }
        }
    }

    private static void fill(byte[] out, int w, int h, MmBox b, double pxPerMm, byte v) {
        for (int y = Math.max(0, px(b.y(), pxPerMm)); y < Math.min(h, px(b.y() + b.h(), pxPerMm)); y++) {
            for (int x = Math.max(0, px(b.x(), pxPerMm)); x < Math.min(w, px(b.x() + b.w(), pxPerMm)); x++) {
                out[y * w + x] = v;
            }
        }
    }

    private static void copy(byte[] out, byte[] ink, int w, int h, MmBox b, double pxPerMm) {
        for (int y = Math.max(0, px(b.y(), pxPerMm)); y < Math.min(h, px(b.y() + b.h(), pxPerMm)); y++) {
            for (int x = Math.max(0, px(b.x(), pxPerMm)); x < Math.min(w, px(b.x() + b.w(), pxPerMm)); x++) {
                out[y * w + x] = ink[y * w + x];
            }
        }
    }

    private static int px(double mm, double pxPerMm) {
        return (int) Math.round(mm * pxPerMm);
    }
}
