package io.todoke.ocr.decode;

/**
 * One glyph (or run) of a PDF text layer with its box, in millimetres from the page's top-left corner (or, once
 * mapped, from the template's).
 *
 * @param text the characters as the PDF maps them to Unicode
 * @param x    left edge
 * @param y    top edge
 * @param w    width
 * @param h    height
 */
public record PlacedText(String text, double x, double y, double w, double h) {

    public double centreX() {
        return x + w / 2;
    }

    public double centreY() {
        return y + h / 2;
    }
}
