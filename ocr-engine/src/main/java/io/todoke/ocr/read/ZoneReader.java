package io.todoke.ocr.read;

import io.todoke.ocr.align.Gray;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.OcrSettings;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** Reads one field zone: only the writing in it (the printed form is masked out), with the type's OCR settings. */
public final class ZoneReader {

    private static final OcrSettings DIGITS = new OcrSettings("eng", 7, "0123456789", false);
    private static final int PAD = 12;

    private ZoneReader() {
    }

    public static ZoneText read(TesseractEngine engine, Gray gray, Gray extraInk, MmBox box, double pxPerMm,
                                OcrSettings settings, double emptyInk) {
        Gray zone = writing(gray, extraInk, box, pxPerMm);
        double ink = inkFraction(zone);
        if (ink < emptyInk) {
            return new ZoneText("", 0, ink, true, List.of());
        }
        Gray crop = trim(zone);
        OcrText main = engine.read(crop, settings);
        if (main.text().isBlank()) {
            return new ZoneText("", 0, ink, false, List.of());
        }
        List<String> conflicts = settings.digitCheck() ? digitConflicts(engine, crop, main) : List.of();
        return new ZoneText(main.text(), main.confidence(), ink, false, conflicts);
    }

    /** The zone's pixels where there is writing, white elsewhere (cell borders and labels removed). */
    static Gray writing(Gray gray, Gray extraInk, MmBox box, double pxPerMm) {
        int x0 = Math.max(0, (int) Math.round(box.x() * pxPerMm));
        int y0 = Math.max(0, (int) Math.round(box.y() * pxPerMm));
        int x1 = Math.min(gray.width(), (int) Math.round((box.x() + box.w()) * pxPerMm));
        int y1 = Math.min(gray.height(), (int) Math.round((box.y() + box.h()) * pxPerMm));
        int w = Math.max(1, x1 - x0);
        int h = Math.max(1, y1 - y0);
        byte[] out = new byte[w * h];
        java.util.Arrays.fill(out, (byte) 255);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * gray.width() + x;
                if (extraInk.px()[i] != 0) {
                    out[(y - y0) * w + (x - x0)] = gray.px()[i];
                }
            }
        }
        return new Gray(out, w, h);
    }

    static double inkFraction(Gray g) {
        long n = 0;
        for (byte b : g.px()) {
            if ((b & 0xFF) < 128) {
                n++;
            }
        }
        return (double) n / g.px().length;
    }

    /** Cut to the writing's bounding box with a white margin, as Tesseract likes it. */
    static Gray trim(Gray g) {
        int minX = g.width();
        int minY = g.height();
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                if (g.get(x, y) < 128) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return g;
        }
        return crop(g, minX, minY, maxX - minX + 1, maxY - minY + 1, PAD);
    }

    static Gray crop(Gray g, int x, int y, int w, int h, int pad) {
        int ow = w + 2 * pad;
        int oh = h + 2 * pad;
        byte[] out = new byte[ow * oh];
        java.util.Arrays.fill(out, (byte) 255);
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                int sx = x + xx;
                int sy = y + yy;
                if (sx >= 0 && sy >= 0 && sx < g.width() && sy < g.height()) {
                    out[(yy + pad) * ow + xx + pad] = g.px()[sy * g.width() + sx];
                }
            }
        }
        return new Gray(out, ow, oh);
    }

    /**
     * Re-reads each run of digits with the digits-only English model; the Japanese model was seen reading a typed
     * 0 as 9 with high confidence, so a disagreement means the digits are in doubt.
     */
    static List<String> digitConflicts(TesseractEngine engine, Gray crop, OcrText main) {
        List<String> conflicts = new ArrayList<>();
        List<OcrText.Symbol> run = new ArrayList<>();
        List<OcrText.Symbol> symbols = new ArrayList<>(main.symbols());
        symbols.add(new OcrText.Symbol("", 0, 0, 0, 0, 0));
        for (OcrText.Symbol s : symbols) {
            String n = Normalizer.normalize(s.text(), Normalizer.Form.NFKC);
            if (n.length() == 1 && Character.isDigit(n.charAt(0))) {
                run.add(s);
                continue;
            }
            if (!run.isEmpty()) {
                String expected = run.stream().map(r -> Normalizer.normalize(r.text(), Normalizer.Form.NFKC))
                        .reduce("", String::concat);
                int x0 = run.stream().mapToInt(OcrText.Symbol::x).min().orElse(0);
                int y0 = run.stream().mapToInt(OcrText.Symbol::y).min().orElse(0);
                int x1 = run.stream().mapToInt(r -> r.x() + r.width()).max().orElse(0);
                int y1 = run.stream().mapToInt(r -> r.y() + r.height()).max().orElse(0);
                OcrText digits = engine.read(crop(crop, x0 - 1, y0 - 1, x1 - x0 + 2, y1 - y0 + 2, PAD), DIGITS);
                String got = digits.text().replaceAll("\\s+", "");
                if (!got.equals(expected)) {
                    conflicts.add(expected + "≠" + got);
                }
                run.clear();
            }
        }
        return conflicts;
    }
}
