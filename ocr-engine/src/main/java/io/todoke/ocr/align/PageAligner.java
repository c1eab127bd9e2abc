package io.todoke.ocr.align;

import io.todoke.ocr.image.OpenCvLoader;

import io.todoke.ocr.image.NativeMats;

import io.todoke.ocr.image.Gray;

import io.todoke.ocr.template.FormTemplate;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Cleans a page and aligns it to a template: binarise, despeckle, deskew, upright (0/180), register, warp. */
public final class PageAligner {

    public static final double MAX_SKEW_DEG = 5;

    private PageAligner() {
    }

    /** A page cleaned and straightened but not yet registered to any template. */
    public record Cleaned(Gray gray, Gray ink, double skewDeg, double inkFraction) {
    }

    public static Cleaned clean(Gray working, double pxPerMm) {
        Gray ink = Cleaning.binarise(working);
        // specks up to ~0.3 mm across are fax noise, not writing (a full stop is larger at these sizes)
        int maxSpeck = (int) Math.max(2, Math.round(0.09 * pxPerMm * pxPerMm));
        Gray[] clean = Cleaning.despeckle(working, ink, maxSpeck);
        double skew = Cleaning.skew(clean[1], MAX_SKEW_DEG);
        Gray gray = Cleaning.rotate(clean[0], skew);
        Gray straightInk = Math.abs(skew) < 1e-6 ? clean[1] : Cleaning.binarise(gray);
        return new Cleaned(gray, straightInk, skew, Cleaning.inkFraction(straightInk));
    }

    /** Registers the cleaned page to the template the right way up or upside down, whichever fits better. */
    public static AlignedPage align(Cleaned page, FormTemplate template, double pxPerMm) {
        Registration.Transform up = Registration.register(page.ink(), template, pxPerMm);
        Gray gray = page.gray();
        int rotation = 0;
        Registration.Transform best = up;
        if (up.score() < 0.9) {
            Gray turnedInk = Cleaning.rotate180(page.ink());
            Registration.Transform down = Registration.register(turnedInk, template, pxPerMm);
            if (down.score() > up.score()) {
                best = down;
                rotation = 180;
                gray = Cleaning.rotate180(gray);
            }
        }
        int w = (int) Math.round(template.widthMm() * pxPerMm);
        int h = (int) Math.round(template.heightMm() * pxPerMm);
        Gray warped = warp(gray, best, w, h);
        PageFrame frame = new PageFrame(pxPerMm, page.gray().width(), page.gray().height(), page.skewDeg(), rotation, best);
        return new AlignedPage(warped, Cleaning.binarise(warped), pxPerMm, best.score(), rotation, page.skewDeg(), frame,
                java.util.List.of());
    }

    static Gray warp(Gray gray, Registration.Transform t, int w, int h) {
        OpenCvLoader.load();
        try (NativeMats mats = new NativeMats()) {
            Mat src = mats.add(gray.toMat());
            Mat dst = mats.empty();
            Mat m = mats.add(new Mat(2, 3, CvType.CV_64F));
            m.put(0, 0, t.sx(), 0, t.tx(), 0, t.sy(), t.ty());
            Imgproc.warpAffine(src, dst, m, new Size(w, h), Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP,
                    Core.BORDER_CONSTANT, new Scalar(255));
            return Gray.of(dst);
        }
    }
}
