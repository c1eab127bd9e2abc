package io.todoke.ocr.align;

import io.todoke.ocr.image.OpenCvLoader;

import io.todoke.ocr.image.NativeMats;

import io.todoke.ocr.image.Gray;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A page's long straight strokes (ruled lines): the same pixels as OpenCV's closing with a 7x3 rectangle (7 along
 * the stroke) followed by an opening with a {@code minRun}-pixel line, borders included, but the opening done on
 * runs of ink instead of passing the long kernel over every pixel (that pass was most of registering a page).
 */
public final class RuledLines {

    private RuledLines() {
    }

    /** The strokes (255) and the number of stroke pixels per row ({@code horizontal}) or per column. */
    public record Strokes(Gray mask, int[] profile) {
    }

    /** Horizontal and vertical strokes of one page, the page handed to OpenCV once for both closings. */
    public static Strokes[] both(Gray ink, int minRun) {
        OpenCvLoader.load();
        try (NativeMats mats = new NativeMats()) {
            Mat src = mats.add(ink.toMat());
            return new Strokes[] {keptAlongX(closed(src, true), minRun), keptDownColumns(closed(src, false), minRun)};
        }
    }

    /**
     * A thin ruled line through a fax at a slight angle arrives broken into dashes: OpenCV's closing with a small
     * rectangle along the line bridges them (fast; it is the long opening that was slow).
     */
    private static Gray closed(Mat ink, boolean horizontal) {
        try (NativeMats mats = new NativeMats()) {
            Mat dst = mats.empty();
            Mat bridge = mats.add(Imgproc.getStructuringElement(Imgproc.MORPH_RECT, horizontal ? new Size(7, 3) : new Size(3, 7)));
            Imgproc.morphologyEx(ink, dst, Imgproc.MORPH_CLOSE, bridge);
            return Gray.of(dst);
        }
    }

    /** Keeps the runs along x at least a line long (as the opening does) and counts them per row. */
    private static Strokes keptAlongX(Gray closedInk, int minRun) {
        int w = closedInk.width();
        int h = closedInk.height();
        byte[] closed = closedInk.px();
        byte[] out = new byte[w * h];
        int[] profile = new int[h];
        for (int y = 0; y < h; y++) {
            int at = y * w;
            int x = 0;
            while ((x = InkRuns.nextInk(closed, at, x, w)) < w) {
                int start = x;
                while (x < w && closed[at + x] != 0) {
                    x++;
                }
                int[] kept = opened(start, x - 1, w, minRun);
                if (kept != null) {
                    java.util.Arrays.fill(out, at + kept[0], at + kept[1] + 1, (byte) 255);
                    profile[y] += kept[1] - kept[0] + 1;
                }
            }
        }
        return new Strokes(new Gray(out, w, h), profile);
    }

    /** Keeps the runs down each column at least a line long and counts them per column. */
    private static Strokes keptDownColumns(Gray closedInk, int minRun) {
        int w = closedInk.width();
        int h = closedInk.height();
        byte[] closed = closedInk.px();
        byte[] out = new byte[w * h];
        int[] profile = new int[w];
        int[] start = new int[w];
        byte[] blank = new byte[w];
        // runs down each column, found where a column's pixel changes from one row to the next
        for (int y = 0; y <= h; y++) {
            byte[] cur = y < h ? closed : blank;
            int curAt = y < h ? y * w : 0;
            byte[] prev = y > 0 ? closed : blank;
            int prevAt = y > 0 ? (y - 1) * w : 0;
            int x = 0;
            while (x < w) {
                if (x + 8 <= w && (long) InkRuns.LONGS.get(cur, curAt + x) == (long) InkRuns.LONGS.get(prev, prevAt + x)) {
                    x += 8;
                    continue;
                }
                int end = Math.min(w, x + 8);
                for (; x < end; x++) {
                    boolean was = prev[prevAt + x] != 0;
                    boolean is = cur[curAt + x] != 0;
                    if (!was && is) {
                        start[x] = y;
                    } else if (was && !is) {
                        int[] kept = opened(start[x], y - 1, h, minRun);
                        if (kept != null) {
                            for (int yy = kept[0]; yy <= kept[1]; yy++) {
                                out[yy * w + x] = (byte) 255;
                            }
                            profile[x] += kept[1] - kept[0] + 1;
                        }
                    }
                }
            }
        }
        return new Strokes(new Gray(out, w, h), profile);
    }
    /**
     * What OpenCV's opening with a line of {@code len} pixels (anchor at {@code len / 2}) keeps of a run
     * {@code [a, b]} in a line of {@code n} pixels, or null: outside the image counts as ink for the erosion, so a
     * run at an edge needs less length, and an even length shifts what is kept by one pixel.
     */
    static int[] opened(int a, int b, int n, int len) {
        int before = len / 2;
        int after = len - 1 - before;
        // the erosion keeps x when [x - before, x + after] is all ink
        int from = a == 0 ? a : a + before;
        int to = b == n - 1 ? b : b - after;
        if (from > to) {
            return null;
        }
        // the dilation spreads each kept pixel over [x - after, x + before] (OpenCV does not reflect the kernel)
        return new int[] {Math.max(0, from - after), Math.min(n - 1, to + before)};
    }
}
