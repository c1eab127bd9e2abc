package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.OcrSettings;

import java.util.List;



/** Reads one field zone: only the writing in it (the printed form is masked out), with the type's OCR settings. */
public final class ZoneReader {

    private static final int PAD = 12;

    private ZoneReader() {
    }

    /** Reads one zone with the type's settings, the writing enlarged by the settings' {@code scale} first. */
    public static ZoneText read(TesseractEngine engine, Gray gray, Gray extraInk, MmBox box, double pxPerMm,
                                OcrSettings settings, double emptyInk) {
        Gray zone = dropStrays(overflowing(writing(gray, extraInk, box, pxPerMm), gray, box, pxPerMm), pxPerMm);
        double ink = inkFraction(zone);
        // empty below a fraction of the zone, but never below a small written character's ink (a lone "1" or "3")
        double floor = Math.min(emptyInk, 0.5 * pxPerMm * pxPerMm / zone.px().length);
        if (ink < floor) {
            return new ZoneText("", 0, ink, true, null, settings, null, List.of(), true);
        }
        Gray trimmed = trim(zone);
        List<Gray> lines = lines(trimmed, pxPerMm);
        // without the per-character alternatives, which cost a fifth of a date's reading and matter only where the
        // reading as it stands does not fit the format (withAlternatives reads them then)
        Pass pass;
        if (lines.size() > 1) {
            // writing wrapped onto several lines (a long phone number, an address with its building): each line read
            // as a line reads far better than the whole as a block
            OcrSettings s = settings.withPsm(7);
            pass = new Pass(readLines(engine, lines, settings.scale(), s, false), s);
        } else {
            // one written line reads best as a line; more than about 7 mm of writing is a block
            pass = readLine(engine, scale(trimmed, settings.scale()),
                    trimmed.height() > 7 * pxPerMm + 2 * PAD ? settings.withPsm(6) : settings.withPsm(7), false);
        }
        OcrText read = pass.text();
        boolean blank = read.text().isBlank();
        return new ZoneText(blank ? "" : read.text(), blank ? 0 : read.confidence(), ink, false, trimmed, pass.settings(),
                read, lines, settings.confusions().isEmpty());
    }

    /**
     * The zone with its first reading made again with the recogniser's per-character alternatives (the same image and
     * settings, so the same text and confidences); the zone itself when its reading has them already.
     */
    public static ZoneText withAlternatives(TesseractEngine engine, ZoneText z) {
        if (z.alternatives() || z.empty()) {
            return z;
        }
        // settings with confusions read with alternatives
        return z.withAlternatives(reread(engine, z, z.settings(), z.settings().scale()));
    }

    /** A reading and the settings it was made with. */
    private record Pass(OcrText text, OcrSettings settings) {
    }

    /** Reads an image as it is; Tesseract 5.3 sometimes rejects a whole short line in PSM 7 that PSM 13 reads. */
    private static Pass readLine(TesseractEngine engine, Gray image, OcrSettings s, boolean alternatives) {
        OcrText t = engine.read(image, s, alternatives);
        if (t.text().isBlank() && s.psm() == 7) {
            s = s.withPsm(13);
            t = engine.read(image, s, alternatives);
        }
        return new Pass(t, s);
    }

    /** Reads each line as a line and joins them with line breaks, characters in reading order. */
    static OcrText readLines(TesseractEngine engine, List<Gray> lines, double scale, OcrSettings s,
                             boolean alternatives) {
        StringBuilder text = new StringBuilder();
        List<OcrText.Symbol> symbols = new java.util.ArrayList<>();
        double min = 1;
        for (Gray line : lines) {
            OcrText t = readLine(engine, scale(line, scale), s, alternatives).text();
            if (t.text().isBlank()) {
                continue;
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(t.text());
            symbols.addAll(t.symbols());
            min = Math.min(min, t.confidence());
        }
        return new OcrText(text.toString(), symbols.isEmpty() ? 0 : min, symbols);
    }

    /**
     * The writing cut into lines where a band of blank rows at least 0.4 mm high separates two runs of ink each at
     * least 2 mm high (a character, not a stray mark or one stroke of 三); one element when it is a single line.
     */
    static List<Gray> lines(Gray g, double pxPerMm) {
        int[] rows = new int[g.height()];
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                if (g.get(x, y) < 128) {
                    rows[y]++;
                }
            }
        }
        int minGap = (int) Math.max(2, Math.round(0.4 * pxPerMm));
        int minLine = (int) Math.round(2.0 * pxPerMm);
        List<int[]> runs = new java.util.ArrayList<>();
        int y = 0;
        while (y < rows.length) {
            while (y < rows.length && rows[y] == 0) {
                y++;
            }
            if (y >= rows.length) {
                break;
            }
            int start = y;
            int blank = 0;
            int end = y;
            while (y < rows.length && blank < minGap) {
                if (rows[y] > 0) {
                    end = y;
                    blank = 0;
                } else {
                    blank++;
                }
                y++;
            }
            runs.add(new int[] {start, end});
        }
        if (runs.size() < 2 || runs.stream().anyMatch(r -> r[1] - r[0] + 1 < minLine)) {
            return List.of(g);
        }
        List<Gray> out = new java.util.ArrayList<>();
        for (int[] r : runs) {
            out.add(trim(crop(g, 0, r[0], g.width(), r[1] - r[0] + 1, 0)));
        }
        return out;
    }

    /**
     * Reads the same writing again, enlarged by the settings' {@code verifyScale}: the jpn model misreads some
     * characters with 97-99 confidence, and two differently scaled readings rarely make the same mistake.
     */
    public static OcrText verify(TesseractEngine engine, ZoneText first) {
        return again(engine, first, first.settings().verifyScale());
    }

    /**
     * Reads the same writing again at {@code factor} times the first reading's scale to check a value, without the
     * recogniser's per-character alternatives: a check only compares values (the alternatives cost about a sixth of
     * a date's reading, and left every value and status on both benchmark sets as it was).
     */
    public static OcrText check(TesseractEngine engine, ZoneText first, double factor) {
        OcrSettings s = first.settings().withoutConfusions();
        return reread(engine, first, s, s.scale() * factor);
    }

    /** Reads the same writing again at {@code factor} times the first reading's scale. */
    public static OcrText again(TesseractEngine engine, ZoneText first, double factor) {
        return reread(engine, first, first.settings(), first.settings().scale() * factor);
    }

    private static OcrText reread(TesseractEngine engine, ZoneText first, OcrSettings settings, double scale) {
        if (first.lines().size() > 1) {
            return readLines(engine, first.lines(), scale, settings, !settings.confusions().isEmpty());
        }
        return engine.read(scale(first.writing(), scale), settings);
    }

    /**
     * Reads the same writing with the settings' other language at the first reading's scale to check a value, without
     * per-character alternatives; null when there is no other language or it is not installed.
     */
    public static OcrText checkInOtherLanguage(TesseractEngine engine, ZoneText first) {
        OcrSettings other = otherLanguage(engine, first.settings());
        return other == null ? null : reread(engine, first, other.withoutConfusions(), other.scale());
    }

    /**
     * Reads the same writing, at the first reading's scale, with the settings' other language; null when there is
     * none or it is not installed.
     */
    public static OcrText inOtherLanguage(TesseractEngine engine, ZoneText first) {
        OcrSettings other = otherLanguage(engine, first.settings());
        return other == null ? null : reread(engine, first, other, other.scale());
    }

    /** The settings reading with their other language; null when there is none or it is not installed. */
    private static OcrSettings otherLanguage(TesseractEngine engine, OcrSettings s) {
        return s.otherLanguage().isEmpty() || !engine.has(s.otherLanguage()) ? null : s.inOtherLanguage();
    }

    static Gray scale(Gray g, double f) {
        if (Math.abs(f - 1) < 1e-6) {
            return g;
        }
        int w = (int) Math.round(g.width() * f);
        int h = (int) Math.round(g.height() * f);
        // OpenCV rather than Java2D: the same bilinear result, several times faster on these small crops
        io.todoke.ocr.image.OpenCvLoader.load();
        try (io.todoke.ocr.image.NativeMats mats = new io.todoke.ocr.image.NativeMats()) {
            org.opencv.core.Mat src = mats.add(g.toMat());
            org.opencv.core.Mat dst = mats.empty();
            org.opencv.imgproc.Imgproc.resize(src, dst, new org.opencv.core.Size(w, h), 0, 0, org.opencv.imgproc.Imgproc.INTER_LINEAR);
            return Gray.of(dst);
        }
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
        // the writing's mask widened by a quarter millimetre: the grey edge of each stroke is kept, which the recogniser reads
        // far better than strokes cut off hard at the binarisation threshold
        Gray mask = widened(extraInk, x0, y0, w, h);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (mask.px()[(y - y0) * w + (x - x0)] != 0) {
                    out[(y - y0) * w + (x - x0)] = gray.px()[y * gray.width() + x];
                }
            }
        }
        return new Gray(out, w, h);
    }

    /** How far below a zone a line cut by its bottom edge is followed: the cell's border and the rest of the line. */
    static final double OVERFLOW_MM = 2.5;
    /** A run of ink this long along a row below the zone is the cell's border or a ruled line, not writing. */
    static final double RULE_MM = 2.5;

    /**
     * The zone's writing continued below its bottom edge where a line of it is cut there: a value wrapped onto a second
     * line that the printer set lower than the cell has room for (070-5839-0437 with its 0437 printed over the cell's
     * border) would otherwise be read without its last characters. Below the zone, only the columns where the writing
     * is cut are followed, ruled lines are left out, and the continuation ends at the first blank band of more than
     * half a millimetre; as it is where nothing is cut.
     */
    static Gray overflowing(Gray zone, Gray gray, MmBox box, double pxPerMm) {
        int x0 = Math.max(0, (int) Math.round(box.x() * pxPerMm));
        int y1 = Math.min(gray.height(), (int) Math.round((box.y() + box.h()) * pxPerMm));
        int w = zone.width();
        if (x0 + w > gray.width() || y1 >= gray.height()) {
            return zone;
        }
        boolean[] inkAtEdge = new boolean[w];
        for (int y = Math.max(0, zone.height() - 3); y < zone.height(); y++) {
            for (int x = 0; x < w; x++) {
                inkAtEdge[x] |= zone.get(x, y) < 128;
            }
        }
        int columns = 0;
        boolean[] cut = new boolean[w];
        int reach = 2;
        int ruleHeight = (int) Math.round(4.5 * pxPerMm);
        for (int x = 0; x < w; x++) {
            int run = 0;
            for (int y = zone.height() - 1; y >= 0 && zone.get(x, y) < 128; y--) {
                run++;
            }
            // a column inked higher than a character is a ruled line's sliver, which goes on below too
            if (run >= ruleHeight) {
                inkAtEdge[x] = false;
            }
            if (inkAtEdge[x]) {
                columns++;
                for (int c = Math.max(0, x - reach); c <= Math.min(w - 1, x + reach); c++) {
                    cut[c] = true;
                }
            }
        }
        // a character cut by the edge goes on below it; a speck at the edge does not
        boolean goesOn = false;
        for (int x = 0; x < w && columns >= 3; x++) {
            goesOn |= inkAtEdge[x] && gray.get(x0 + x, y1) < 128;
        }
        if (!goesOn) {
            return zone;
        }
        int maxRows = Math.min(gray.height() - y1, (int) Math.round(OVERFLOW_MM * pxPerMm));
        int maxGap = (int) Math.round(0.6 * pxPerMm);
        int rule = (int) Math.round(RULE_MM * pxPerMm);
        byte[][] rows = new byte[Math.max(0, maxRows)][];
        int used = 0;
        int blank = 0;
        for (int dy = 0; dy < maxRows && blank <= maxGap; dy++) {
            byte[] row = new byte[w];
            java.util.Arrays.fill(row, (byte) 255);
            boolean ink = false;
            int y = y1 + dy;
            int x = 0;
            while (x < w) {
                if (gray.get(x0 + x, y) >= 128) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && gray.get(x0 + x, y) < 128) {
                    x++;
                }
                if (x - start >= rule) {
                    continue;
                }
                for (int c = start; c < x; c++) {
                    if (cut[c]) {
                        row[c] = (byte) gray.get(x0 + c, y);
                        ink = true;
                    }
                }
            }
            rows[dy] = row;
            if (ink) {
                used = dy + 1;
                blank = 0;
            } else {
                blank++;
            }
        }
        if (used == 0) {
            return zone;
        }
        byte[] out = java.util.Arrays.copyOf(zone.px(), w * (zone.height() + used));
        for (int dy = 0; dy < used; dy++) {
            System.arraycopy(rows[dy], 0, out, (zone.height() + dy) * w, w);
        }
        return new Gray(out, w, zone.height() + used);
    }

    /** The mask's {@code w x h} window at (x0, y0), dilated by two pixels (a quarter millimetre). */
    static Gray widened(Gray mask, int x0, int y0, int w, int h) {
        byte[] window = new byte[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(mask.px(), (y0 + y) * mask.width() + x0, window, y * w, w);
        }
        io.todoke.ocr.image.OpenCvLoader.load();
        try (io.todoke.ocr.image.NativeMats mats = new io.todoke.ocr.image.NativeMats()) {
            org.opencv.core.Mat src = mats.add(new Gray(window, w, h).toMat());
            org.opencv.core.Mat dst = mats.empty();
            org.opencv.core.Mat kernel = mats.add(org.opencv.imgproc.Imgproc.getStructuringElement(
                    org.opencv.imgproc.Imgproc.MORPH_RECT, new org.opencv.core.Size(5, 5)));
            org.opencv.imgproc.Imgproc.dilate(src, dst, kernel);
            return Gray.of(dst);
        }
    }

    /**
     * Removes stray ink far from the writing (border slivers, fax noise), which OCR would read as "." or "ー": groups of
     * columns separated from the rest by a gap of 3 mm or more that hold only a speck's worth of ink (for a long line,
     * a 25th of its ink), then groups of rows separated by 1 mm or more that hold no more than a few pixels of noise
     * (a lone 9 wrapped onto a second line is kept). A speck a millimetre under a written line also costs the line its
     * last characters: Tesseract takes the line for a taller one (介護職員 read as 介護).
     */
    static Gray dropStrays(Gray g, double pxPerMm) {
        Gray columnsClean = dropStrays(g, true, 3 * pxPerMm, 0.6 * pxPerMm * pxPerMm, 0.04);
        return dropStrays(columnsClean, false, pxPerMm, 0.25 * pxPerMm * pxPerMm, 0);
    }

    /**
     * Blanks the groups of columns (or rows) {@code gapPx} apart from the rest that hold less ink than {@code speckPx}
     * pixels or, where more, than {@code shareOfInk} of all the ink.
     */
    private static Gray dropStrays(Gray g, boolean columns, double gapPx, double speckPx, double shareOfInk) {
        int[] counts = new int[columns ? g.width() : g.height()];
        int total = 0;
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                if (g.get(x, y) < 128) {
                    counts[columns ? x : y]++;
                    total++;
                }
            }
        }
        if (total == 0) {
            return g;
        }
        int speck = (int) Math.max(speckPx, shareOfInk * total);
        int gap = (int) Math.round(gapPx);
        byte[] out = g.px().clone();
        int i = 0;
        boolean changed = false;
        while (i < counts.length) {
            if (counts[i] == 0) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            int ink = 0;
            int blank = 0;
            while (i < counts.length && blank < gap) {
                if (counts[i] > 0) {
                    ink += counts[i];
                    end = i;
                    blank = 0;
                } else {
                    blank++;
                }
                i++;
            }
            if (ink < speck && ink < total) {
                for (int a = start; a <= end; a++) {
                    if (columns) {
                        for (int y = 0; y < g.height(); y++) {
                            out[y * g.width() + a] = (byte) 255;
                        }
                    } else {
                        java.util.Arrays.fill(out, a * g.width(), (a + 1) * g.width(), (byte) 255);
                    }
                }
                changed = true;
            }
        }
        return changed ? new Gray(out, g.width(), g.height()) : g;
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
        int[] box = g.inkBox();
        return box == null ? g : crop(g, box[0], box[1], box[2], box[3], PAD);
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
}
