package io.todoke.ocr.proposal;

import io.todoke.ocr.decode.PlacedText;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.read.OcrText;
import io.todoke.ocr.read.TesseractEngine;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.OcrSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A page taken apart: its ruled cells, check boxes and read text lines, in millimetres of the cleaned page image.
 *
 * @param widthMm  the page image's width
 * @param heightMm its height
 */
public record AnalysedPage(double widthMm, double heightMm, List<MmBox> cells, List<MmBox> checkboxes,
                           List<PageGrid.TextLine> texts) {

    private static final OcrSettings LINE = new OcrSettings("jpn", 7, "", 0);
    private static final OcrSettings WORD = new OcrSettings("jpn", 8, "", 0);
    private static final OcrSettings OTHER = new OcrSettings("Japanese", 7, "", 0);

    public AnalysedPage {
        cells = List.copyOf(cells);
        checkboxes = List.copyOf(checkboxes);
        texts = List.copyOf(texts);
    }

    /**
     * Analyses a cleaned page (grey image and its ink mask): each text line is taken from the PDF's text layer where
     * the layer has glyphs there ({@code words} in page millimetres, empty for a fax), else read by Tesseract.
     */
    public static AnalysedPage of(Gray gray, Gray ink, double pxPerMm, List<PlacedText> words, TesseractEngine ocr) {
        return of(gray, ink, pxPerMm, words, ocr, line -> true);
    }

    /** As above, reading only the lines {@code which} selects (the others are left out). */
    public static AnalysedPage of(Gray gray, Gray ink, double pxPerMm, List<PlacedText> words, TesseractEngine ocr,
                                  java.util.function.Predicate<MmBox> which) {
        PageGrid grid = PageGrid.of(ink, pxPerMm);
        List<PageGrid.TextLine> texts = new ArrayList<>();
        Gray clean = whitened(new Gray(gray.px().clone(), gray.width(), gray.height()), grid.checkboxes(), pxPerMm);
        for (MmBox line : grid.lineBoxes()) {
            if (!which.test(line)) {
                continue;
            }
            String typed = typed(words, line);
            if (typed != null) {
                texts.add(new PageGrid.TextLine(line, typed, 1.0));
                continue;
            }
            OcrText read = best(ocr, crop(clean, grid.ruled(), line, pxPerMm));
            String text = read.text().replaceAll("\\s+", "");
            if (!text.isEmpty()) {
                texts.add(new PageGrid.TextLine(line, text, read.confidence()));
            }
        }
        return new AnalysedPage(gray.width() / pxPerMm, gray.height() / pxPerMm, grid.cells(), grid.checkboxes(), texts);
    }

    /**
     * The surer of two models' readings where the first is unsure (printed labels are in a serif face that jpn
     * misreads more than Japanese does, and the other way round); a line read as nothing once more as one word.
     */
    private static OcrText best(TesseractEngine ocr, Gray line) {
        OcrText read = ocr.read(line, LINE, false);
        if (read.text().isBlank()) {
            read = ocr.read(line, WORD, false);
        }
        if (read.confidence() < 0.9 && ocr.has(OTHER.language())) {
            OcrText other = ocr.read(line, OTHER, false);
            if (!other.text().isBlank() && other.confidence() > read.confidence()) {
                read = other;
            }
        }
        return read;
    }

    /** The text lines whose centres lie in the box. */
    public List<PageGrid.TextLine> textsIn(MmBox box) {
        return texts.stream().filter(t -> Boxes.contains(box, Boxes.centreX(t.box()), Boxes.centreY(t.box()))).toList();
    }

    /** The check boxes whose centres lie in the box, row by row. */
    public List<MmBox> checkboxesIn(MmBox box) {
        return checkboxes.stream().filter(c -> Boxes.contains(box, Boxes.centreX(c), Boxes.centreY(c))).toList();
    }

    /** The index of the smallest cell holding the point's box centre, or -1. */
    public int cellOf(MmBox b) {
        return PageGrid.regionOf(b, cells);
    }

    private static String typed(List<PlacedText> words, MmBox line) {
        List<PlacedText> in = words.stream()
                .filter(p -> Boxes.contains(line.grow(0.3), p.centreX(), p.centreY()))
                .sorted(Comparator.comparingDouble(PlacedText::x)).toList();
        if (in.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        in.forEach(p -> b.append(p.text()));
        String s = b.toString().replaceAll("\\s+", "");
        return s.isEmpty() ? null : s;
    }

    private static Gray whitened(Gray g, List<MmBox> boxes, double pxPerMm) {
        byte[] px = g.px();
        for (MmBox b : boxes) {
            int x0 = Math.max(0, (int) Math.floor(b.x() * pxPerMm) - 1);
            int x1 = Math.min(g.width(), (int) Math.ceil((b.x() + b.w()) * pxPerMm) + 1);
            for (int y = Math.max(0, (int) Math.floor(b.y() * pxPerMm) - 1);
                 y < Math.min(g.height(), (int) Math.ceil((b.y() + b.h()) * pxPerMm) + 1); y++) {
                java.util.Arrays.fill(px, y * g.width() + x0, y * g.width() + x1, (byte) 255);
            }
        }
        return g;
    }

    /**
     * The line with a margin, ruled lines in the margin whitened (not inside the line: a run of characters' strokes
     * can look like a ruled line there).
     */
    private static Gray crop(Gray g, Gray ruled, MmBox b, double pxPerMm) {
        int pad = (int) Math.round(0.6 * pxPerMm);
        int bx0 = (int) Math.floor(b.x() * pxPerMm);
        int by0 = (int) Math.floor(b.y() * pxPerMm);
        int bx1 = (int) Math.ceil((b.x() + b.w()) * pxPerMm);
        int by1 = (int) Math.ceil((b.y() + b.h()) * pxPerMm);
        int x0 = Math.max(0, (int) Math.floor(b.x() * pxPerMm) - pad);
        int y0 = Math.max(0, (int) Math.floor(b.y() * pxPerMm) - pad);
        int x1 = Math.min(g.width(), (int) Math.ceil((b.x() + b.w()) * pxPerMm) + pad);
        int y1 = Math.min(g.height(), (int) Math.ceil((b.y() + b.h()) * pxPerMm) + pad);
        int w = Math.max(1, x1 - x0);
        int h = Math.max(1, y1 - y0);
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(g.px(), (y0 + y) * g.width() + x0, out, y * w, Math.min(w, g.width() - x0));
            for (int x = 0; x < w; x++) {
                int px = x0 + x;
                int py = y0 + y;
                boolean inLine = px >= bx0 && px < bx1 && py >= by0 && py < by1;
                if (!inLine && ruled.px()[py * g.width() + px] != 0) {
                    out[y * w + x] = (byte) 255;
                }
            }
        }
        return enlarged(new Gray(out, w, h));
    }

    /** Three times the size, smoothly: a label's characters are 20-25 px high at the working resolution, small for Tesseract. */
    private static Gray enlarged(Gray g) {
        java.awt.image.BufferedImage big = new java.awt.image.BufferedImage(g.width() * 3, g.height() * 3,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D gr = big.createGraphics();
        try {
            gr.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            gr.drawImage(g.toImage(), 0, 0, big.getWidth(), big.getHeight(), null);
        } finally {
            gr.dispose();
        }
        return Gray.of(big);
    }
}
