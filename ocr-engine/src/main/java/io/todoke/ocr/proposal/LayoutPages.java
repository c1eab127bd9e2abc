package io.todoke.ocr.proposal;

import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.StaticElement;

import java.util.ArrayList;
import java.util.List;

/** A layout's printed form as if analysed from a perfect scan: its bordered cells, check boxes and label texts. */
final class LayoutPages {

    private LayoutPages() {
    }

    static AnalysedPage of(FormTemplate t) {
        List<MmBox> cells = new ArrayList<>();
        List<MmBox> checkboxes = new ArrayList<>();
        List<PageGrid.TextLine> texts = new ArrayList<>();
        for (StaticElement s : t.statics()) {
            if (s.checkbox()) {
                checkboxes.add(s.box());
                continue;
            }
            if (s.border()) {
                cells.add(s.box());
            }
            if (!s.text().isBlank()) {
                // the text's own box: a cell's text is centred on its height, a line of its size
                MmBox b = s.box();
                double h = Math.min(b.h(), s.sizeMm());
                texts.add(new PageGrid.TextLine(new MmBox(b.x() + 0.5, b.y() + (b.h() - h) / 2, Math.max(0.1, b.w() - 1), h),
                        s.text(), 1.0));
            }
        }
        return new AnalysedPage(t.widthMm(), t.heightMm(), cells, checkboxes, texts);
    }
}
