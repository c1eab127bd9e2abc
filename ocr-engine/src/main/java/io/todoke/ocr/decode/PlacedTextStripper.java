package io.todoke.ocr.decode;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A page's text layer as plain text and glyph by glyph with boxes. PDFBox's {@code getX()/getY()} are already turned
 * by the page's /Rotate and measured from the top-left of the crop box, which is what the page is rendered from.
 */
final class PlacedTextStripper extends PDFTextStripper {

    private static final double MM_PER_PT = 25.4 / 72;

    private final List<PlacedText> glyphs = new ArrayList<>();

    /** {text, glyphs} of one page (index from 0). */
    static Result strip(PDDocument doc, int index) throws IOException {
        PlacedTextStripper s = new PlacedTextStripper();
        s.setStartPage(index + 1);
        s.setEndPage(index + 1);
        String text = s.getText(doc);
        return new Result(text, List.copyOf(s.glyphs));
    }

    record Result(String text, List<PlacedText> glyphs) {
    }

    private PlacedTextStripper() {
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        int rotation = ((getCurrentPage().getRotation() % 360) + 360) % 360;
        for (TextPosition p : positions) {
            String u = p.getUnicode();
            // only text running along its line (a form's values); vertical writing is left to OCR
            if (u == null || u.isEmpty() || Math.round(p.getDir()) != 0) {
                continue;
            }
            glyphs.add(box(u, p.getX(), p.getY(), p.getWidthDirAdj(), bodyHeight(p), rotation));
        }
        super.writeString(text, positions);
    }

    /**
     * PDFBox's glyph heights for CJK fonts are often near zero; a glyph's body is about its font size (em), of which
     * 0.7 above the baseline holds its centre where the eye puts it.
     */
    private static double bodyHeight(TextPosition p) {
        double size = Math.abs(p.getFontSizeInPt());
        return Math.max(p.getHeight(), 0.7 * (size > 0 ? size : p.getHeight()));
    }

    /**
     * The glyph's box on the page as shown: (x, y) is where its baseline starts after the page's /Rotate, and the
     * line runs right, down, left or up the page for a rotation of 0, 90, 180 or 270 degrees.
     */
    static PlacedText box(String u, double x, double y, double advance, double body, int rotation) {
        double w = Math.max(0, advance);
        return switch (rotation) {
            case 90 -> mm(u, x, y, body, w);
            case 180 -> mm(u, x - w, y, w, body);
            case 270 -> mm(u, x - body, y - w, body, w);
            default -> mm(u, x, y - body, w, body);
        };
    }

    private static PlacedText mm(String u, double x, double y, double w, double h) {
        return new PlacedText(u, x * MM_PER_PT, y * MM_PER_PT, w * MM_PER_PT, h * MM_PER_PT);
    }
}
