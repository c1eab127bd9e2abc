package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;
import io.todoke.ocr.align.PageFrame;
import io.todoke.ocr.decode.PlacedText;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.StaticElement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads field values from a PDF's text layer instead of its pixels: the layer's glyphs are placed on the template
 * and a zone's value is the text of the glyphs whose centres lie in it, in reading order. Pure.
 */
public final class TextLayerReader {

    /**
     * A page made on a PC is neither turned nor skewed. One that had to be turned or straightened went through a
     * scanner, and a text layer on it is that scanner's OCR, not the typed values: it is not used.
     */
    public static final double MAX_SKEW_DEG = 0.25;

    private TextLayerReader() {
    }

    /** The page's glyphs in template millimetres, or none when the layer should not be trusted on this page. */
    public static List<PlacedText> toTemplate(List<PlacedText> pageWords, PageFrame frame) {
        if (pageWords.isEmpty() || frame == null || frame.rotation() != 0 || Math.abs(frame.skewDeg()) > MAX_SKEW_DEG) {
            return List.of();
        }
        List<PlacedText> out = new ArrayList<>(pageWords.size());
        for (PlacedText p : pageWords) {
            double[] c = frame.toTemplateMm(p.centreX(), p.centreY());
            double w = p.w() * frame.scaleX();
            double h = p.h() * frame.scaleY();
            out.add(new PlacedText(p.text(), c[0] - w / 2, c[1] - h / 2, w, h));
        }
        return out;
    }

    /** The boxes of the blank form's printed captions: text there is the form's own, never a value. */
    public static List<MmBox> labelBoxes(FormTemplate template) {
        return template.statics().stream()
                .filter(s -> !s.checkbox() && s.text() != null && !s.text().isBlank())
                .map(StaticElement::box)
                .toList();
    }

    /**
     * The text of the glyphs whose centres lie in {@code zone} and in no caption box, lines top to bottom and
     * glyphs left to right; null when there are none (the layer says nothing about this zone).
     */
    public static String textIn(List<PlacedText> words, MmBox zone, List<MmBox> labels) {
        List<PlacedText> in = new ArrayList<>();
        for (PlacedText p : words) {
            if (contains(zone, p) && labels.stream().noneMatch(l -> contains(l, p))) {
                in.add(p);
            }
        }
        if (in.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (List<PlacedText> line : lines(in)) {
            PlacedText prev = null;
            for (PlacedText p : line) {
                // a PC's text layer spells out its spaces; a clear gap without one is a space too (e.g. two runs)
                if (prev != null && !prev.text().isBlank() && !p.text().isBlank()
                        && p.x() - (prev.x() + prev.w()) > 0.5 * Math.max(prev.h(), p.h())) {
                    out.append(' ');
                }
                out.append(p.text());
                prev = p;
            }
        }
        String s = out.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** Glyphs grouped into lines: a glyph joins the line whose centre it is within half a glyph height of. */
    static List<List<PlacedText>> lines(List<PlacedText> glyphs) {
        List<PlacedText> byY = new ArrayList<>(glyphs);
        byY.sort(Comparator.comparingDouble(PlacedText::centreY));
        List<List<PlacedText>> lines = new ArrayList<>();
        List<PlacedText> line = new ArrayList<>();
        double lineY = 0;
        for (PlacedText p : byY) {
            if (!line.isEmpty() && Math.abs(p.centreY() - lineY) > 0.5 * Math.max(p.h(), 0.1)) {
                lines.add(line);
                line = new ArrayList<>();
            }
            line.add(p);
            lineY = line.stream().mapToDouble(PlacedText::centreY).average().orElse(p.centreY());
        }
        lines.add(line);
        for (List<PlacedText> l : lines) {
            l.sort(Comparator.comparingDouble(PlacedText::x));
        }
        return lines;
    }

    /** Share of the zone's pixels that are set in an ink mask (non-zero = ink). */
    public static double inkFraction(Gray ink, MmBox zone, double pxPerMm) {
        int x0 = Math.max(0, (int) Math.round(zone.x() * pxPerMm));
        int y0 = Math.max(0, (int) Math.round(zone.y() * pxPerMm));
        int x1 = Math.min(ink.width(), (int) Math.round((zone.x() + zone.w()) * pxPerMm));
        int y1 = Math.min(ink.height(), (int) Math.round((zone.y() + zone.h()) * pxPerMm));
        if (x1 <= x0 || y1 <= y0) {
            return 0;
        }
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (ink.px()[y * ink.width() + x] != 0) {
                    n++;
                }
            }
        }
        return (double) n / ((long) (x1 - x0) * (y1 - y0));
    }

    private static boolean contains(MmBox b, PlacedText p) {
        double x = p.centreX();
        double y = p.centreY();
        return x >= b.x() && x < b.x() + b.w() && y >= b.y() && y < b.y() + b.h();
    }
}
