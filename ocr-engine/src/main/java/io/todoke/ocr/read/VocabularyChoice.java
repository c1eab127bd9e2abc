package io.todoke.ocr.read;

import java.util.List;

/**
 * A field's value as one of the words it usually holds (an occupation: 会社員, 保育士, 看護師 …). A reading one character
 * away from one of them and from no other is that word unless the printed character clearly says otherwise; where
 * several are one character away, the printed shape chooses. 保育十 is 保育士 though 十 and 士 differ by a stroke's
 * length that a fax does not keep. Pure.
 */
public final class VocabularyChoice {

    /** The word's character may fit the print this much worse than the character read: the shape cannot tell. */
    static final double SLACK = 0.15;
    /** Among several words one character away, the best must fit the print this much better than the next. */
    static final double MARGIN = 0.05;

    private VocabularyChoice() {
    }

    /**
     * The word of {@code vocabulary} that {@code text} (white space aside) is one character away from, or the text as
     * it is when it is a word already, no word or no clear one is that near, or its shapes do not line up.
     * {@code shapes} are the printed characters, one per non-white-space character (null where not cut clear).
     */
    public static String choose(String text, List<GlyphMatcher.Shape> shapes, List<String> vocabulary, GlyphMatcher glyphs) {
        String compact = text.replaceAll("\\s+", "");
        if (vocabulary.isEmpty() || vocabulary.contains(compact) || !WordRepair.comparable(compact, shapes, glyphs)) {
            return text;
        }
        int font = WordRepair.fontOf(compact, shapes, glyphs);
        ClearBest<String> best = new ClearBest<>(Double.NEGATIVE_INFINITY);
        for (String word : vocabulary) {
            int at = oneAway(compact, word);
            if (at < 0) {
                continue;
            }
            GlyphMatcher.Shape printed = shapes.get(at);
            if (printed == null) {
                continue;
            }
            double fit = glyphs.similarity(printed, word.substring(at, at + 1), font);
            if (fit >= glyphs.similarity(printed, compact.substring(at, at + 1), font) - SLACK) {
                best.offer(word, fit);
            }
        }
        String word = best.clearly(MARGIN);
        return word != null ? word : text;
    }

    /** The one position where two texts of the same length differ, or -1. */
    static int oneAway(String a, String b) {
        if (a.length() != b.length()) {
            return -1;
        }
        int at = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (at >= 0) {
                    return -1;
                }
                at = i;
            }
        }
        return at;
    }
}
