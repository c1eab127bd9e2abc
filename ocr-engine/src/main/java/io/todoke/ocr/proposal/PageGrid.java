package io.todoke.ocr.proposal;

import io.todoke.ocr.align.RuledLines;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.image.NativeMats;
import io.todoke.ocr.image.OpenCvLoader;
import io.todoke.ocr.template.MmBox;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a form page is made of, found from its pixels alone: the ruled cells (regions closed by ruled lines), the
 * check boxes, and the lines of printed (or written) text, each as a box in millimetres of the page image.
 */
public final class PageGrid {

    /** A line of text: its box and, once read, its text and the recogniser's confidence. */
    public record TextLine(MmBox box, String text, double confidence) {
    }

    private final List<MmBox> cells;
    private final List<MmBox> checkboxes;
    private final List<MmBox> lineBoxes;
    private final Gray ruled;

    private PageGrid(List<MmBox> cells, List<MmBox> checkboxes, List<MmBox> lineBoxes, Gray ruled) {
        this.cells = cells;
        this.checkboxes = checkboxes;
        this.lineBoxes = lineBoxes;
        this.ruled = ruled;
    }

    public List<MmBox> cells() {
        return cells;
    }

    public List<MmBox> checkboxes() {
        return checkboxes;
    }

    /** The boxes of the text lines (unread), top to bottom, left to right. */
    public List<MmBox> lineBoxes() {
        return lineBoxes;
    }

    /** The ruled lines found (255), a little thickened. */
    public Gray ruled() {
        return ruled;
    }

    /** Finds cells, check boxes and text lines on a cleaned page's ink mask (255 = ink). */
    public static PageGrid of(Gray ink, double pxPerMm) {
        OpenCvLoader.load();
        // a ruled line is longer than any stroke of a printed character (labels are at most ~4 mm high)
        RuledLines.Strokes[] strokes = RuledLines.both(ink, (int) Math.round(5 * pxPerMm));
        byte[] lines = new byte[ink.px().length];
        byte[] h = strokes[0].mask().px();
        byte[] v = strokes[1].mask().px();
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (h[i] | v[i]) != 0 ? (byte) 255 : 0;
        }
        Gray lineMask = dilate(longOnly(new Gray(lines, ink.width(), ink.height()), 10 * pxPerMm), 1);
        List<MmBox> cells = cells(lineMask, pxPerMm);
        byte[] rest = ink.px().clone();
        byte[] lm = lineMask.px();
        for (int i = 0; i < rest.length; i++) {
            if (lm[i] != 0) {
                rest[i] = 0;
            }
        }
        Gray restInk = new Gray(rest, ink.width(), ink.height());
        List<MmBox> boxes = new ArrayList<>();
        for (int[] b : components(restInk, 8)) {
            if (isCheckbox(b, rest, ink.width(), pxPerMm)) {
                boxes.add(mm(b, pxPerMm, 0));
                for (int y = b[1]; y < b[1] + b[3]; y++) {
                    java.util.Arrays.fill(rest, y * ink.width() + b[0], y * ink.width() + b[0] + b[2], (byte) 0);
                }
            }
        }
        return new PageGrid(cells, sorted(boxes), sorted(joined(lines(restInk, lineMask, pxPerMm), cells)), lineMask);
    }

    /**
     * Lines of text: the ink smeared along the line by almost a character (a bracket's blank half included) and a
     * little across, so that a line's characters (and a standard fax's broken strokes) join while lines and cells
     * stay apart; each line's box is its ink's.
     */
    private static List<MmBox> lines(Gray text, Gray lineMask, double pxPerMm) {
        Gray smeared;
        try (NativeMats mats = new NativeMats()) {
            Mat src = mats.add(text.toMat());
            Mat dst = mats.empty();
            Mat k = mats.add(Imgproc.getStructuringElement(Imgproc.MORPH_RECT,
                    new Size(Math.round(2.8 * pxPerMm) | 1, Math.round(0.9 * pxPerMm) | 1)));
            Imgproc.dilate(src, dst, k);
            smeared = Gray.of(dst);
        }
        // never across a ruled line: a label and the writing in the next cell stay apart
        byte[] sm = smeared.px();
        byte[] lm = lineMask.px();
        for (int i = 0; i < sm.length; i++) {
            if (lm[i] != 0) {
                sm[i] = 0;
            }
        }
        List<MmBox> out = new ArrayList<>();
        int w = text.width();
        byte[] px = text.px();
        for (int[] c : components(smeared, 8)) {
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = -1;
            int y1 = -1;
            int n = 0;
            for (int y = c[1]; y < c[1] + c[3]; y++) {
                for (int x = c[0]; x < c[0] + c[2]; x++) {
                    if (px[y * w + x] != 0) {
                        n++;
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            // a line of text is at least a small character's ink; lone dots and slivers of lines are not
            if (n >= 0.5 * pxPerMm * pxPerMm && (y1 - y0 + 1) >= 1.0 * pxPerMm) {
                out.add(mm(new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1}, pxPerMm, 0));
            }
        }
        return out;
    }

    /**
     * Pieces of one line joined: a large title's characters stand further apart than the smear bridges. Pieces join
     * in the same cell, on the same baseline, less than most of a character apart.
     */
    private static List<MmBox> joined(List<MmBox> pieces, List<MmBox> cells) {
        List<MmBox> out = new ArrayList<>(pieces);
        boolean merged = true;
        while (merged) {
            merged = false;
            out.sort(Comparator.comparingDouble(MmBox::x));
            for (int i = 0; i < out.size() && !merged; i++) {
                for (int j = i + 1; j < out.size() && !merged; j++) {
                    MmBox a = out.get(i);
                    MmBox b = out.get(j);
                    double size = Math.max(a.h(), b.h());
                    double gap = b.x() - (a.x() + a.w());
                    if (gap > 0.8 * size) {
                        continue;
                    }
                    boolean sameLine = Math.abs(a.y() + a.h() - (b.y() + b.h())) <= 0.25 * size
                            && Math.min(a.h(), b.h()) >= 0.5 * size && size >= 4.0;
                    if (sameLine && regionOf(a, cells) == regionOf(b, cells)) {
                        out.set(i, union(a, b));
                        out.remove(j);
                        merged = true;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Only the strokes that belong to a grid (at least {@code 0.8 minPx} both ways) or to a long line (three times
     * {@code minPx}): a run of characters' strokes in a label or a bold title can pass for a short ruled line, but
     * stands alone, while the ruled lines of a grid hang together.
     */
    private static Gray longOnly(Gray mask, double minPx) {
        try (NativeMats mats = new NativeMats()) {
            Mat src = mats.add(mask.toMat());
            Mat labels = mats.empty();
            Mat stats = mats.empty();
            Mat centroids = mats.empty();
            int n = Imgproc.connectedComponentsWithStats(src, labels, stats, centroids, 8, CvType.CV_32S);
            boolean[] keep = new boolean[n];
            int[] row = new int[5];
            for (int i = 1; i < n; i++) {
                stats.get(i, 0, row);
                keep[i] = Math.max(row[2], row[3]) >= 3 * minPx || Math.min(row[2], row[3]) >= 0.8 * minPx;
            }
            int[] label = new int[mask.px().length];
            labels.get(0, 0, label);
            byte[] out = new byte[label.length];
            for (int i = 0; i < label.length; i++) {
                if (keep[label[i]]) {
                    out[i] = (byte) 255;
                }
            }
            return new Gray(out, mask.width(), mask.height());
        }
    }

    /** The regions closed by ruled lines: connected white areas that are rectangles and do not reach the page edge. */
    private static List<MmBox> cells(Gray lineMask, double pxPerMm) {
        byte[] white = new byte[lineMask.px().length];
        byte[] lm = lineMask.px();
        for (int i = 0; i < white.length; i++) {
            white[i] = lm[i] == 0 ? (byte) 255 : 0;
        }
        List<MmBox> out = new ArrayList<>();
        int w = lineMask.width();
        int hgt = lineMask.height();
        for (int[] c : components(new Gray(white, w, hgt), 4)) {
            boolean edge = c[0] <= 1 || c[1] <= 1 || c[0] + c[2] >= w - 1 || c[1] + c[3] >= hgt - 1;
            double fill = c[4] / (double) (c[2] * c[3]);
            if (!edge && fill > 0.85 && c[2] >= 2.5 * pxPerMm && c[3] >= 2.5 * pxPerMm) {
                // the white inside plus half the ruled line (and the dilation) around it
                out.add(mm(c, pxPerMm, 0.25));
            }
        }
        return sorted(out);
    }

    /** A hollow square of 2.8 to 5.5 mm whose four sides are inked. */
    private static boolean isCheckbox(int[] b, byte[] ink, int w, double pxPerMm) {
        double wm = b[2] / pxPerMm;
        double hm = b[3] / pxPerMm;
        if (wm < 2.8 || wm > 5.5 || hm < 2.8 || hm > 5.5 || Math.abs(wm - hm) > 0.25 * Math.max(wm, hm)) {
            return false;
        }
        int x0 = b[0];
        int y0 = b[1];
        int x1 = b[0] + b[2] - 1;
        int y1 = b[1] + b[3] - 1;
        int band = Math.max(2, (int) Math.round(0.35 * pxPerMm));
        double top = sideCover(ink, w, x0, x1, y0, y0 + band, true);
        double bottom = sideCover(ink, w, x0, x1, y1 - band, y1, true);
        double left = sideCover(ink, w, y0, y1, x0, x0 + band, false);
        double right = sideCover(ink, w, y0, y1, x1 - band, x1, false);
        int inner = 0;
        int innerInk = 0;
        for (int y = y0 + 2 * band; y <= y1 - 2 * band; y++) {
            for (int x = x0 + 2 * band; x <= x1 - 2 * band; x++) {
                inner++;
                innerInk += ink[y * w + x] != 0 ? 1 : 0;
            }
        }
        return Math.min(Math.min(top, bottom), Math.min(left, right)) > 0.8 && inner > 0 && innerInk < 0.12 * inner;
    }

    /** Share of positions along a side with ink anywhere in the band across it. */
    private static double sideCover(byte[] ink, int w, int from, int to, int bandFrom, int bandTo, boolean horizontal) {
        int hit = 0;
        for (int a = from; a <= to; a++) {
            for (int c = bandFrom; c <= bandTo; c++) {
                int i = horizontal ? c * w + a : a * w + c;
                if (ink[i] != 0) {
                    hit++;
                    break;
                }
            }
        }
        return hit / (double) (to - from + 1);
    }

    /** The index of the smallest cell holding the box's centre, or -1 for the open page. */
    static int regionOf(MmBox b, List<MmBox> cells) {
        double cx = b.x() + b.w() / 2;
        double cy = b.y() + b.h() / 2;
        int best = -1;
        for (int i = 0; i < cells.size(); i++) {
            MmBox c = cells.get(i);
            if (Boxes.contains(c, cx, cy) && (best < 0 || c.w() * c.h() < cells.get(best).w() * cells.get(best).h())) {
                best = i;
            }
        }
        return best;
    }

    static MmBox union(MmBox a, MmBox c) {
        double x0 = Math.min(a.x(), c.x());
        double y0 = Math.min(a.y(), c.y());
        double x1 = Math.max(a.x() + a.w(), c.x() + c.w());
        double y1 = Math.max(a.y() + a.h(), c.y() + c.h());
        return new MmBox(x0, y0, x1 - x0, y1 - y0);
    }

    private static List<MmBox> sorted(List<MmBox> boxes) {
        boxes.sort(Comparator.comparingDouble((MmBox m) -> Math.round(m.y() * 2) / 2.0).thenComparingDouble(MmBox::x));
        return List.copyOf(boxes);
    }

    private static MmBox mm(int[] c, double pxPerMm, double growMm) {
        return new MmBox(c[0] / pxPerMm - growMm, c[1] / pxPerMm - growMm, c[2] / pxPerMm + 2 * growMm,
                c[3] / pxPerMm + 2 * growMm);
    }

    /** Connected components of the non-zero pixels: {x, y, w, h, area} each. */
    private static List<int[]> components(Gray mask, int connectivity) {
        try (NativeMats mats = new NativeMats()) {
            Mat src = mats.add(mask.toMat());
            Mat labels = mats.empty();
            Mat stats = mats.empty();
            Mat centroids = mats.empty();
            int n = Imgproc.connectedComponentsWithStats(src, labels, stats, centroids, connectivity, CvType.CV_32S);
            List<int[]> out = new ArrayList<>(n);
            int[] row = new int[5];
            for (int i = 1; i < n; i++) {
                stats.get(i, 0, row);
                out.add(row.clone());
            }
            return out;
        }
    }

    private static Gray dilate(Gray mask, int radius) {
        try (NativeMats mats = new NativeMats()) {
            Mat src = mats.add(mask.toMat());
            Mat dst = mats.empty();
            Mat k = mats.add(Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(2 * radius + 1, 2 * radius + 1)));
            Imgproc.dilate(src, dst, k);
            return Gray.of(dst);
        }
    }
}
