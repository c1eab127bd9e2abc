package io.todoke.ocr.read;

import java.util.List;

/**
 * The one of some listed words (a ward's towns, the names a furigana spells) that a misread word is: among those of
 * its length fewest characters away, the one whose characters the print looks most like, if clearly. Each character
 * is compared in the print font it fits best (a standard-mode fax thins a Mincho face until a line looks Gothic).
 * Pure.
 */
final class NearestByShape {

    /** The best word must look this much more like the page (mean fit per character) than the next best. */
    static final double MARGIN = 0.03;
    /** A word's character may fit the print this much worse than the character read: the list vouches for it. */
    static final double SLACK = 0.15;

    private NearestByShape() {
    }

    /**
     * The word of {@code words} for {@code read}, or null where none of its length is at most {@code maxChanged}
     * characters away, a character it would change fits the print more than {@link #SLACK} worse than the one read
     * (or was not cut clear), or none fits clearly best. {@code shapes} are the printed characters of {@code read}.
     */
    static String choose(String read, List<GlyphMatcher.Shape> shapes, List<String> words, int maxChanged,
                         GlyphMatcher glyphs) {
        ClearBest<String> best = new ClearBest<>(0);
        int fewest = Integer.MAX_VALUE;
        for (String word : words) {
            if (word.length() != read.length()) {
                continue;
            }
            int changed = 0;
            double fit = 0;
            boolean plausible = true;
            for (int i = 0; i < word.length() && plausible; i++) {
                GlyphMatcher.Shape printed = shapes.get(i);
                double f = printed == null ? 0 : glyphs.similarity(printed, word.substring(i, i + 1));
                if (word.charAt(i) != read.charAt(i)) {
                    changed++;
                    plausible = printed != null && f >= glyphs.similarity(printed, read.substring(i, i + 1)) - SLACK;
                }
                fit += f;
            }
            if (!plausible || changed > maxChanged || changed > fewest) {
                continue;
            }
            // fewest characters changed first (有鳥町 is 有馬町); the print decides among words as near
            if (changed < fewest) {
                fewest = changed;
                best.reset();
            }
            best.offer(word, fit / word.length());
        }
        return best.clearly(MARGIN);
    }
}
