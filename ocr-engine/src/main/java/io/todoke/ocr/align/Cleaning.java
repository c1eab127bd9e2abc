package io.todoke.ocr.align;

import io.todoke.ocr.image.OpenCvLoader;

import io.todoke.ocr.image.NativeMats;

import io.todoke.ocr.image.Gray;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Binarising, despeckling and deskewing: small pure steps on a page image. */
public final class Cleaning {

    private Cleaning() {
    }

    /** Ink mask (255 = ink) by Otsu's threshold. */
    public static Gray binarise(Gray gray) {
        OpenCvLoader.load();
        try (NativeMats mats = new NativeMats()) {
            Mat src = mats.add(gray.toMat());
            Mat dst = mats.empty();
            Imgproc.threshold(src, dst, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
            return Gray.of(dst);
        }
    }

    /**
     * Removes specks (8-connected ink of at most {@code maxArea} pixels) from the mask and the grey image alike.
     * Components are found on runs of ink rather than by labelling every pixel: a page is a few hundred thousand
     * runs but four million pixels, and the label image alone was a 16 MB copy per page.
     */
    public static Gray[] despeckle(Gray gray, Gray ink, int maxArea) {
        InkRuns runs = InkRuns.of(ink);
        int[] area = runs.componentAreas();
        byte[] g = null;
        byte[] k = null;
        int w = ink.width();
        for (int r = 0; r < runs.count(); r++) {
            if (area[r] > maxArea) {
                continue;
            }
            if (g == null) {
                g = gray.px().clone();
                k = ink.px().clone();
            }
            int at = runs.row(r) * w;
            java.util.Arrays.fill(g, at + runs.start(r), at + runs.end(r) + 1, (byte) 255);
            java.util.Arrays.fill(k, at + runs.start(r), at + runs.end(r) + 1, (byte) 0);
        }
        return g == null ? new Gray[] {gray, ink}
                : new Gray[] {new Gray(g, gray.width(), gray.height()), new Gray(k, ink.width(), ink.height())};
    }

    /**
     * The angle in degrees (within ±{@code maxDeg}) to turn the page by with {@link #rotate} to straighten it: the
     * one that makes the rows' ink profile sharpest (ruled lines and text lines line up).
     */
    public static double skew(Gray ink, double maxDeg) {
        int step = 2;
        int w = ink.width();
        int h = ink.height();
        int cols = (w + step - 1) / step;
        int sampledRows = (h + step - 1) / step;
        // the ink samples row by row: each one's column, and where each sampled row's samples start
        int[] xs = new int[cols * sampledRows];
        int[] rowY = new int[sampledRows];
        int[] rowStart = new int[sampledRows + 1];
        int count = 0;
        int rows = 0;
        byte[] px = ink.px();
        for (int y = 0; y < h; y += step) {
            rowY[rows] = y;
            rowStart[rows] = count;
            for (int x = 0, c = 0; x < w; x += step, c++) {
                if (px[y * w + x] != 0) {
                    xs[count++] = c;
                }
            }
            rows++;
        }
        rowStart[rows] = count;
        Profile profile = new Profile(xs, rowY, rowStart, rows, w, step, h / 4, new int[h + 2 * (h / 4)], new int[cols]);
        double best = 0;
        double bestScore = -1;
        // the coarse sweep looks at every fourth ink sample: enough to find the peak, a quarter of the work
        for (double a = -maxDeg; a <= maxDeg + 1e-9; a += 0.1) {
            double s = profile.sharpness(a, 4);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        bestScore = -1;
        for (double a = coarse - 0.1; a <= coarse + 0.1 + 1e-9; a += 0.02) {
            double s = profile.sharpness(a, 1);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        // the profile is sharpest when shearing by -skew; rotating by the opposite angle straightens the page
        return -best;
    }

    /** A page's ink samples by row, and the buffers its rows' profile is counted in. */
    private record Profile(int[] xs, int[] rowY, int[] rowStart, int rows, int width, int step, int pad, int[] bins,
                           int[] offset) {

        /**
         * The sum of squared row counts of every {@code every}-th ink sample sheared by {@code deg}. A sample's row
         * is y + pad + floor(x tan + 0.5), with the shear looked up per column once per angle: the sweep counts a few
         * million samples a page, and a multiplication and rounding per sample took twice as long.
         */
        double sharpness(double deg, int every) {
            double t = Math.tan(Math.toRadians(deg));
            for (int c = 0; c < offset.length; c++) {
                offset[c] = (int) Math.floor((c * step - width / 2) * t + 0.5);
            }
            java.util.Arrays.fill(bins, 0);
            int n = bins.length;
            int i = 0;
            for (int r = 0; r < rows; r++) {
                int base = rowY[r] + pad;
                int end = rowStart[r + 1];
                for (; i < end; i += every) {
                    int y = base + offset[xs[i]];
                    if (y >= 0 && y < n) {
                        bins[y]++;
                    }
                }
            }
            double s = 0;
            for (int b : bins) {
                s += (double) b * b;
            }
            return s;
        }
    }

    /** Rotates about the centre by {@code deg} (counter-clockwise positive), white where nothing was. */
    public static Gray rotate(Gray gray, double deg) {
        if (Math.abs(deg) < 1e-6) {
            return gray;
        }
        OpenCvLoader.load();
        try (NativeMats mats = new NativeMats()) {
            Mat src = mats.add(gray.toMat());
            Mat dst = mats.empty();
            Mat r = mats.add(Imgproc.getRotationMatrix2D(new Point(gray.width() / 2.0, gray.height() / 2.0), deg, 1.0));
            Imgproc.warpAffine(src, dst, r, new Size(gray.width(), gray.height()), Imgproc.INTER_LINEAR,
                    Core.BORDER_CONSTANT, new Scalar(255));
            return Gray.of(dst);
        }
    }

    /** Turns the page upside down. */
    public static Gray rotate180(Gray g) {
        byte[] out = new byte[g.px().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = g.px()[out.length - 1 - i];
        }
        return new Gray(out, g.width(), g.height());
    }

    public static double inkFraction(Gray ink) {
        long n = 0;
        for (byte b : ink.px()) {
            if (b != 0) {
                n++;
            }
        }
        return (double) n / ink.px().length;
    }
}
