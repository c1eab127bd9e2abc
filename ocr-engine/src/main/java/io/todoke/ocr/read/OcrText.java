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

    /**
     * One recognised character.
     *
     * @param choices the recogniser's alternatives for this character, best first, each with a confidence in [0, 1]
     *                on the recogniser's choice scale (not the same scale as {@code confidence}); may be empty
     */
    public record Symbol(String text, double confidence, int x, int y, int width, int height, List<Choice> choices) {

        public Symbol {
            choices = List.copyOf(choices);
        }

        public Symbol(String text, double confidence, int x, int y, int width, int height) {
            this(text, confidence, x, y, width, height, List.of());
        }
    }

    /** An alternative reading of one character. */
    public record Choice(String text, double confidence) {
    }
}
