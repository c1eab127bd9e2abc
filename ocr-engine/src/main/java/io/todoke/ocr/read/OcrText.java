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
     * Where each symbol starts in the text, white space between symbols skipped; null when the symbols do not spell
     * the text (then no character can be swapped in place).
     */
    public int[] offsets() {
        int[] out = new int[symbols.size()];
        int at = 0;
        for (int i = 0; i < symbols.size(); i++) {
            String s = symbols.get(i).text();
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (s.isEmpty() || !text.startsWith(s, at)) {
                return null;
            }
            out[i] = at;
            at += s.length();
        }
        return out;
    }

    /**
     * The text with symbol {@code i} replaced by {@code replacements[i]} (null keeps it), spacing and line breaks as
     * read; {@code offsets} from {@link #offsets()}.
     */
    public String replaced(int[] offsets, String[] replacements) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (int i = 0; i < offsets.length; i++) {
            String own = symbols.get(i).text();
            b.append(text, at, offsets[i]).append(replacements[i] == null ? own : replacements[i]);
            at = offsets[i] + own.length();
        }
        return b.append(text.substring(at)).toString();
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
