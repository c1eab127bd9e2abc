package io.todoke.ocr.read;

import java.util.List;

/**
 * What Tesseract read in one zone.
 *
 * @param text       the text, lines joined by '\n', trimmed
 * @param confidence the lowest character confidence in [0, 1] (0 when nothing was read)
 * @param symbols    every character with its confidence and box in the zone image
 */
public record OcrText(String text, double confidence, List<Symbol> symbols) {

    public OcrText {
        symbols = List.copyOf(symbols);
    }

    /** One recognised character. */
    public record Symbol(String text, double confidence, int x, int y, int width, int height) {
    }
}
