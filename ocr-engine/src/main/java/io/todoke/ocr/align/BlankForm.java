package io.todoke.ocr.align;

import io.todoke.ocr.image.OpenCvLoader;

import io.todoke.ocr.image.NativeMats;

import io.todoke.ocr.image.Gray;

import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.StaticElement;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The blank form rendered from the template's printed cells, and the "extra ink" of a filled page: what is on the
 * page but not on the blank form (writing, marks, circles).
 */
public final class BlankForm {

    private final Gray blankInk;
    private final Gray tolerance;
    private final double pxPerMm;

    public BlankForm(FormTemplate t, double pxPerMm) {
        this.pxPerMm = pxPerMm;
        this.blankInk = Cleaning.binarise(render(t, pxPerMm));
        this.tolerance = dilate(blankInk, (int) Math.round(0.5 * pxPerMm));
    }

    /**
     * The blank form as printed ink taken from a page itself (255 = printed), for a layout the engine has no rendering
     * of: a known form's revised layout, whose printed labels and lines are the page's own.
     */
    public BlankForm(Gray printedInk, double pxPerMm) {
        this.pxPerMm = pxPerMm;
        this.blankInk = printedInk;
        this.tolerance = dilate(printedInk, (int) Math.round(0.5 * pxPerMm));
    }

    public Gray blankInk() {
        return blankInk;
    }

    /** Ink on the page that the blank form (allowing half a millimetre of misregistration) does not have. */
    public Gray extraInk(Gray pageInk) {
        byte[] out = new byte[pageInk.px().length];
        byte[] tol = tolerance.px();
        byte[] p = pageInk.px();
        int n = Math.min(out.length, tol.length);
        for (int i = 0; i < n; i++) {
            out[i] = p[i] != 0 && tol[i] == 0 ? (byte) 255 : 0;
        }
        Gray extra = new Gray(out, pageInk.width(), pageInk.height());
        // slivers of printed lines and labels just outside the tolerance are not writing
        int sliver = (int) Math.round(0.08 * pxPerMm * pxPerMm);
        return Cleaning.despeckle(extra, extra, sliver)[1];
    }

    public double pxPerMm() {
        return pxPerMm;
    }

    /** Renders the blank form with Java2D (labels in IPAex Mincho, as printed). */
    public static Gray render(FormTemplate t, double pxPerMm) {
        int w = (int) Math.round(t.widthMm() * pxPerMm);
        int h = (int) Math.round(t.heightMm() * pxPerMm);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke((float) (0.25 * pxPerMm)));
            for (StaticElement s : t.statics()) {
                MmBox b = s.box();
                int x = px(b.x(), pxPerMm);
                int y = px(b.y(), pxPerMm);
                int bw = px(b.w(), pxPerMm);
                int bh = px(b.h(), pxPerMm);
                if (s.checkbox() || s.border()) {
                    g.drawRect(x, y, bw, bh);
                }
                if (!s.checkbox() && !s.text().isEmpty()) {
                    // CSS font-size in mm is the em box; Java2D's point size at these pixels is the same em box
                    Font f = new Font("IPAexMincho", s.bold() ? Font.BOLD : Font.PLAIN, Math.max(1, px(s.sizeMm(), pxPerMm)));
                    g.setFont(f);
                    FontMetrics fm = g.getFontMetrics();
                    int tw = fm.stringWidth(s.text());
                    int pad = px(1, pxPerMm);
                    int tx = switch (s.align()) {
                        case "center" -> x + (bw - tw) / 2;
                        case "right" -> x + bw - pad - tw;
                        default -> x + pad;
                    };
                    int ty = y + bh / 2 + (fm.getAscent() - fm.getDescent()) / 2;
                    g.drawString(s.text(), tx, ty);
                }
            }
        } finally {
            g.dispose();
        }
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        return new Gray(data.clone(), w, h);
    }

    private static int px(double mm, double pxPerMm) {
        return (int) Math.round(mm * pxPerMm);
    }

    static Gray dilate(Gray mask, int radius) {
        OpenCvLoader.load();
        try (NativeMats mats = new NativeMats()) {
            Mat src = mats.add(mask.toMat());
            Mat dst = mats.empty();
            Mat k = mats.add(Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(2 * radius + 1, 2 * radius + 1)));
            Imgproc.dilate(src, dst, k);
            return Gray.of(dst);
        }
    }
}
