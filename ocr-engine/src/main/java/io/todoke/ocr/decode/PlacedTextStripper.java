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
        for (TextPosition p : positions) {
            String u = p.getUnicode();
            if (u == null || u.isEmpty()) {
                continue;
            }
            // getY() is the baseline; PDFBox's glyph heights for CJK fonts are often near zero, so fall back to the
            // font size, of which a glyph's body is about the full em
            double size = Math.abs(p.getFontSizeInPt()) > 0 ? Math.abs(p.getFontSizeInPt()) : p.getHeight();
            double h = Math.max(p.getHeight(), 0.7 * size);
            glyphs.add(new PlacedText(u, p.getX() * MM_PER_PT, (p.getY() - h) * MM_PER_PT,
                    Math.max(0, p.getWidth()) * MM_PER_PT, h * MM_PER_PT));
        }
        super.writeString(text, positions);
    }
}
