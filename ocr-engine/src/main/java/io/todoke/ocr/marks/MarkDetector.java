package io.todoke.ocr.marks;

import io.todoke.ocr.image.Gray;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.OptionSpec;
import io.todoke.ocr.template.Thresholds;

/**
 * Finds which options of a choice field are marked: a tick, cross or fill inside the check box, or a circle drawn
 * around the option. Works on the page's ink and its extra ink over the blank form, both in template pixels.
 */
public final class MarkDetector {

    private MarkDetector() {
    }

    public static MarkReading detect(OptionSpec option, Gray ink, Gray extraInk, double pxPerMm, Thresholds th) {
        // the printed box is found where it really is (registration leaves up to about a millimetre locally),
        // then whatever ink is inside its border is the mark
        double box = fraction(ink, locate(option.mark(), ink, pxPerMm).inset(0.75), pxPerMm);
        double ring = ring(option, extraInk, pxPerMm);
        MarkReading.State state;
        if (box >= th.markOn() || ring >= th.circleOn()) {
            state = MarkReading.State.MARKED;
        } else if (box < th.markOff() && ring < th.circleOff()) {
            state = MarkReading.State.UNMARKED;
        } else {
            state = MarkReading.State.AMBIGUOUS;
        }
        return new MarkReading(option.value(), box, ring, state);
    }

    /**
     * Extra ink in the zone outside the check box (where a tick's tail may reach), relative to the ink a circle's
     * stroke (about 0.35 mm) around the zone would leave.
     */
    static double ring(OptionSpec option, Gray extraInk, double pxPerMm) {
        // the zone itself: a neighbour's circle may just touch its edge
        MmBox zone = option.zone();
        MmBox exclude = option.mark().grow(1.5);
        int x0 = px(zone.x(), pxPerMm);
        int y0 = px(zone.y(), pxPerMm);
        int x1 = px(zone.x() + zone.w(), pxPerMm);
        int y1 = px(zone.y() + zone.h(), pxPerMm);
        int ex0 = px(exclude.x(), pxPerMm);
        int ey0 = px(exclude.y(), pxPerMm);
        int ex1 = px(exclude.x() + exclude.w(), pxPerMm);
        int ey1 = px(exclude.y() + exclude.h(), pxPerMm);
        long n = 0;
        for (int y = Math.max(0, y0); y < Math.min(extraInk.height(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(extraInk.width(), x1); x++) {
                if (x >= ex0 && x < ex1 && y >= ey0 && y < ey1) {
                    continue;
                }
                if (extraInk.px()[y * extraInk.width() + x] != 0) {
                    n++;
                }
            }
        }
        // a circle hugging the label: roughly an ellipse as tall as the zone and as wide as the label plus margins
        double a = Math.min(option.zone().w(), 6 + 3.2 * option.label().length()) / 2;
        double b = option.zone().h() / 2;
        double perimeterMm = Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b)));
        double expected = perimeterMm * pxPerMm * 0.35 * pxPerMm;
        return n / expected;
    }

    /** The check box's outline moved by up to 1 mm to where the page's ink has it. */
    static MmBox locate(MmBox box, Gray ink, double pxPerMm) {
        int x0 = px(box.x(), pxPerMm);
        int y0 = px(box.y(), pxPerMm);
        // the border is drawn inside the box, so its far edges are a pixel in
        int w = px(box.w(), pxPerMm) - 1;
        int h = px(box.h(), pxPerMm) - 1;
        int range = px(1.0, pxPerMm);
        int bestDx = 0;
        int bestDy = 0;
        int best = -1;
        for (int dy = -range; dy <= range; dy++) {
            for (int dx = -range; dx <= range; dx++) {
                int score = 0;
                for (int i = 0; i <= w; i++) {
                    score += at(ink, x0 + dx + i, y0 + dy) + at(ink, x0 + dx + i, y0 + dy + h);
                }
                for (int i = 0; i <= h; i++) {
                    score += at(ink, x0 + dx, y0 + dy + i) + at(ink, x0 + dx + w, y0 + dy + i);
                }
                // prefer the smallest shift among equals: a filled box scores the same everywhere inside
                if (score > best || (score == best && Math.abs(dx) + Math.abs(dy) < Math.abs(bestDx) + Math.abs(bestDy))) {
                    best = score;
                    bestDx = dx;
                    bestDy = dy;
                }
            }
        }
        return new MmBox(box.x() + bestDx / pxPerMm, box.y() + bestDy / pxPerMm, box.w(), box.h());
    }

    private static int at(Gray g, int x, int y) {
        return x >= 0 && y >= 0 && x < g.width() && y < g.height() && g.px()[y * g.width() + x] != 0 ? 1 : 0;
    }

    static double fraction(Gray ink, MmBox box, double pxPerMm) {
        int x0 = Math.max(0, px(box.x(), pxPerMm));
        int y0 = Math.max(0, px(box.y(), pxPerMm));
        int x1 = Math.min(ink.width(), px(box.x() + box.w(), pxPerMm));
        int y1 = Math.min(ink.height(), px(box.y() + box.h(), pxPerMm));
        long n = 0;
        long total = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                total++;
                if (ink.px()[y * ink.width() + x] != 0) {
                    n++;
                }
            }
        }
        return total == 0 ? 0 : (double) n / total;
    }

    private static int px(double mm, double pxPerMm) {
        return (int) Math.round(mm * pxPerMm);
    }
}
