package io.todoke.ocr.align;

import io.todoke.ocr.image.Gray;

import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.StaticElement;

import java.util.ArrayList;
import java.util.List;

/**
 * Registers an upright page to a template from its ruled lines: the template's cell borders, matched against
 * the page's long horizontal and vertical strokes, give a scale and offset per axis; the share of the template's
 * ruling found where the transform puts it is the alignment score.
 */
public final class Registration {

    /** A ruled line of the template, in template pixels: {@code at} across, {@code from..to} along. */
    record Line(double at, double from, double to) {
    }

    /**
     * Page pixel = scale * template pixel + offset, per axis.
     *
     * @param score share of the template's ruling found on the page, in [0, 1]
     */
    public record Transform(double sx, double tx, double sy, double ty, double score) {
    }

    private Registration() {
    }

    public static Transform register(Gray ink, FormTemplate t, double pxPerMm) {
        List<Line> horizontal = new ArrayList<>();
        List<Line> vertical = new ArrayList<>();
        for (StaticElement s : t.statics()) {
            if (s.border() && !s.checkbox()) {
                double x1 = s.box().x() * pxPerMm;
                double x2 = (s.box().x() + s.box().w()) * pxPerMm;
                double y1 = s.box().y() * pxPerMm;
                double y2 = (s.box().y() + s.box().h()) * pxPerMm;
                horizontal.add(new Line(y1, x1, x2));
                horizontal.add(new Line(y2, x1, x2));
                vertical.add(new Line(x1, y1, y2));
                vertical.add(new Line(x2, y1, y2));
            }
        }
        int minRun = (int) Math.round(8 * pxPerMm);
        RuledLines.Strokes[] strokes = RuledLines.both(ink, minRun);
        RuledLines.Strokes across = strokes[0];
        RuledLines.Strokes down = strokes[1];
        Gray hMask = across.mask();
        Gray vMask = down.mask();
        double[] rows = spread(across.profile());
        double[] cols = spread(down.profile());
        double[] y = fit(rows, horizontal, pxPerMm);
        double[] x = fit(cols, vertical, pxPerMm);
        Transform tr = new Transform(x[0], x[1], y[0], y[1], 0);
        double[] bands = coverage(hMask, vMask, horizontal, vertical, tr, BANDS);
        double overall = bands[0];
        double weakest = 1;
        for (int b = 1; b < bands.length; b++) {
            weakest = Math.min(weakest, bands[b]);
        }
        // A revised form with a row inserted registers well above the row and not at all below it: overall it can
        // pass, and the lower cells would be read from the wrong places. A page whose weakest band of ruling is not
        // found is not this form.
        double score = weakest < t.thresholds().alignment() ? weakest : overall;
        return new Transform(x[0], x[1], y[0], y[1], score);
    }

    /**
     * How the page's ruling and the template's account for each other under the transform.
     *
     * @param explained share of the page's ruling (stroke pixels, both directions) on the template's ruling
     * @param missing   share of the template's ruling (by length) in lines of which less than half is on the page:
     *                  damage breaks lines, another form lacks them
     */
    public record Account(double explained, double missing) {
    }

    /**
     * The alignment score asks whether the template's ruling is on the page overall; this asks the reverse, and
     * line by line, so that a form whose grid shares most of another's (the header and patient block every form
     * has) is not taken for it.
     */
    public static Account account(Gray ink, FormTemplate t, Transform tr, double pxPerMm) {
        RuledLines.Strokes[] strokes = RuledLines.both(ink, (int) Math.round(8 * pxPerMm));
        int w = ink.width();
        int h = ink.height();
        boolean[] near = new boolean[w * h];
        int slack = (int) Math.round(0.5 * pxPerMm);
        double missing = 0;
        double total = 0;
        for (StaticElement s : t.statics()) {
            if (!s.border() || s.checkbox()) {
                continue;
            }
            double x1 = tr.sx() * s.box().x() * pxPerMm + tr.tx();
            double x2 = tr.sx() * (s.box().x() + s.box().w()) * pxPerMm + tr.tx();
            double y1 = tr.sy() * s.box().y() * pxPerMm + tr.ty();
            double y2 = tr.sy() * (s.box().y() + s.box().h()) * pxPerMm + tr.ty();
            mark(near, w, h, x1 - slack, y1 - slack, x2 + slack, y1 + slack);
            mark(near, w, h, x1 - slack, y2 - slack, x2 + slack, y2 + slack);
            mark(near, w, h, x1 - slack, y1 - slack, x1 + slack, y2 + slack);
            mark(near, w, h, x2 - slack, y1 - slack, x2 + slack, y2 + slack);
            double[][] sides = {{x1, y1, x2, y1}, {x1, y2, x2, y2}, {x1, y1, x1, y2}, {x2, y1, x2, y2}};
            for (double[] side : sides) {
                boolean across = side[1] == side[3];
                double length = across ? side[2] - side[0] : side[3] - side[1];
                total += length;
                if (onPage(across ? strokes[0].mask() : strokes[1].mask(), side, across) < 0.5) {
                    missing += length;
                }
            }
        }
        long stroke = 0;
        long on = 0;
        for (RuledLines.Strokes st : strokes) {
            byte[] m = st.mask().px();
            for (int i = 0; i < m.length; i++) {
                if (m[i] != 0) {
                    stroke++;
                    if (near[i]) {
                        on++;
                    }
                }
            }
        }
        return new Account(stroke == 0 ? 0 : (double) on / stroke, total == 0 ? 1 : missing / total);
    }

    /** The share of a line's points with a stroke within ±3 px across it. */
    private static double onPage(Gray mask, double[] side, boolean across) {
        int n = 0;
        int hit = 0;
        double from = across ? side[0] : side[1];
        double to = across ? side[2] : side[3];
        for (double v = from; v <= to; v += 2) {
            n++;
            int x = (int) Math.round(across ? v : side[0]);
            int y = (int) Math.round(across ? side[1] : v);
            if (anyInk(mask, x, y, across)) {
                hit++;
            }
        }
        return n == 0 ? 1 : (double) hit / n;
    }

    private static void mark(boolean[] near, int w, int h, double x1, double y1, double x2, double y2) {
        int xa = (int) Math.max(0, Math.floor(x1));
        int xb = (int) Math.min(w - 1, Math.ceil(x2));
        int ya = (int) Math.max(0, Math.floor(y1));
        int yb = (int) Math.min(h - 1, Math.ceil(y2));
        for (int y = ya; y <= yb; y++) {
            java.util.Arrays.fill(near, y * w + xa, Math.max(y * w + xa, y * w + xb + 1), true);
        }
    }

    /** Stroke pixels per row (or column), each spread over its neighbours. */
    static double[] spread(int[] p) {
        // a stroke is 2-3 px thick and may fall between pixels: spread each line over its neighbours
        double[] smooth = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double m = p[i];
            if (i > 0) {
                m = Math.max(m, p[i - 1]);
            }
            if (i + 1 < p.length) {
                m = Math.max(m, p[i + 1]);
            }
            smooth[i] = m;
        }
        return smooth;
    }

    /** {scale, offset} maximising the profile mass under the template's lines. */
    static double[] fit(double[] profile, List<Line> lines, double pxPerMm) {
        int range = (int) Math.round(30 * pxPerMm);
        // offsets in steps of 2 px: the profile is spread over neighbouring pixels, and the fine search covers ±8
        double[] coarse = search(profile, lines, 0.94, 1.06, 0.005, -range, range, 2);
        // then finer steps of scale near the best: 0.25 % of a page is 6 px at its far edge
        int t = (int) coarse[1];
        return search(profile, lines, coarse[0] - 0.005, coarse[0] + 0.005, 0.0005, t - 12, t + 12, 1);
    }

    private static double[] search(double[] profile, List<Line> lines, double s0, double s1, double step, int t0, int t1,
                                   int tStep) {
        double bestS = 1;
        double bestT = 0;
        double best = -1;
        int n = lines.size();
        int[] at = new int[n];
        double[] length = new double[n];
        for (double s = s0; s <= s1 + 1e-9; s += step) {
            // where each line falls and how long it is at this scale, once: an offset only shifts where it falls
            for (int k = 0; k < n; k++) {
                Line l = lines.get(k);
                at[k] = (int) Math.round(s * l.at());
                length[k] = s * (l.to() - l.from());
            }
            for (int t = t0; t <= t1; t += tStep) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    int i = at[k] + t;
                    if (i >= 0 && i < profile.length) {
                        sum += Math.min(profile[i], length[k]);
                    }
                }
                if (sum > best) {
                    best = sum;
                    bestS = s;
                    bestT = t;
                }
            }
        }
        return new double[] {bestS, bestT};
    }

    /** The template's ruling is checked in this many horizontal bands of the page as well as as a whole. */
    static final int BANDS = 4;

    /**
     * The share of the template's ruling (by length) found on the page where the transform puts it: [0] over the
     * whole page, then for each of {@code bands} horizontal bands of equal height between the template's top and
     * bottom rule (a band without ruling counts as found).
     */
    static double[] coverage(Gray hMask, Gray vMask, List<Line> horizontal, List<Line> vertical, Transform tr, int bands) {
        double top = horizontal.stream().mapToDouble(Line::at).min().orElse(0);
        double bottom = horizontal.stream().mapToDouble(Line::at).max().orElse(1);
        double height = Math.max(1, bottom - top);
        double[] found = new double[bands + 1];
        double[] total = new double[bands + 1];
        for (Line l : horizontal) {
            int band = 1 + band(l.at(), top, height, bands);
            int y = (int) Math.round(tr.sy() * l.at() + tr.ty());
            for (double x = l.from(); x <= l.to(); x += 2) {
                boolean hit = anyInk(hMask, (int) Math.round(tr.sx() * x + tr.tx()), y, true);
                total[0]++;
                total[band]++;
                if (hit) {
                    found[0]++;
                    found[band]++;
                }
            }
        }
        for (Line l : vertical) {
            int x = (int) Math.round(tr.sx() * l.at() + tr.tx());
            for (double y = l.from(); y <= l.to(); y += 2) {
                int band = 1 + band(y, top, height, bands);
                boolean hit = anyInk(vMask, x, (int) Math.round(tr.sy() * y + tr.ty()), false);
                total[0]++;
                total[band]++;
                if (hit) {
                    found[0]++;
                    found[band]++;
                }
            }
        }
        double[] out = new double[bands + 1];
        for (int b = 0; b <= bands; b++) {
            out[b] = total[b] == 0 ? (b == 0 ? 0 : 1) : found[b] / total[b];
        }
        return out;
    }

    private static int band(double y, double top, double height, int bands) {
        return (int) Math.max(0, Math.min(bands - 1, Math.floor((y - top) / height * bands)));
    }

    private static boolean anyInk(Gray mask, int x, int y, boolean acrossIsY) {
        for (int d = -3; d <= 3; d++) {
            int xx = acrossIsY ? x : x + d;
            int yy = acrossIsY ? y + d : y;
            if (xx >= 0 && yy >= 0 && xx < mask.width() && yy < mask.height() && mask.px()[yy * mask.width() + xx] != 0) {
                return true;
            }
        }
        return false;
    }
}
