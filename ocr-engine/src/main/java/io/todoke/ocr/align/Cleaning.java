package io.todoke.ocr.align;

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
        Mat src = gray.toMat();
        Mat dst = new Mat();
        Imgproc.threshold(src, dst, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
        Gray out = Gray.of(dst);
        src.release();
        dst.release();
        return out;
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
        int count = 0;
        int[] xs = new int[(w / step + 1) * (h / step + 1)];
        int[] ys = new int[xs.length];
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                if (ink.px()[y * w + x] != 0) {
                    xs[count] = x - w / 2;
                    ys[count] = y;
                    count++;
                }
            }
        }
        double best = 0;
        double bestScore = -1;
        // the coarse sweep looks at every fourth ink sample: enough to find the peak, a quarter of the work
        int[] cxs = new int[count / 4 + 1];
        int[] cys = new int[cxs.length];
        int coarseCount = 0;
        for (int i = 0; i < count; i += 4) {
            cxs[coarseCount] = xs[i];
            cys[coarseCount] = ys[i];
            coarseCount++;
        }
        for (double a = -maxDeg; a <= maxDeg + 1e-9; a += 0.1) {
            double s = profileSharpness(cxs, cys, coarseCount, a, h);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        bestScore = -1;
        for (double a = coarse - 0.1; a <= coarse + 0.1 + 1e-9; a += 0.02) {
            double s = profileSharpness(xs, ys, count, a, h);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        // the profile is sharpest when shearing by -skew; rotating by the opposite angle straightens the page
        return -best;
    }

    private static double profileSharpness(int[] xs, int[] ys, int n, double deg, int h) {
        double t = Math.tan(Math.toRadians(deg));
        int pad = h / 4;
        int[] bins = new int[h + 2 * pad];
        for (int i = 0; i < n; i++) {
            // the pad added first keeps the value positive, where a cast of v + 0.5 rounds as Math.round does (the
            // sweep calls this a few million times a page; Math.round is no intrinsic)
            double v = ys[i] + pad + xs[i] * t;
            if (v >= 0) {
                int y = (int) (v + 0.5);
                if (y < bins.length) {
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

    /** Rotates about the centre by {@code deg} (counter-clockwise positive), white where nothing was. */
    public static Gray rotate(Gray gray, double deg) {
        if (Math.abs(deg) < 1e-6) {
            return gray;
        }
        OpenCvLoader.load();
        Mat src = gray.toMat();
        Mat dst = new Mat();
        Mat r = Imgproc.getRotationMatrix2D(new Point(gray.width() / 2.0, gray.height() / 2.0), deg, 1.0);
        Imgproc.warpAffine(src, dst, r, new Size(gray.width(), gray.height()), Imgproc.INTER_LINEAR,
                Core.BORDER_CONSTANT, new Scalar(255));
        Gray out = Gray.of(dst);
        src.release();
        dst.release();
        r.release();
        return out;
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
