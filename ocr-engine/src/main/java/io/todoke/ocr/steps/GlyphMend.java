package io.todoke.ocr.steps;

import io.todoke.ocr.read.GlyphMatcher;

import java.util.List;

/**
 * One way {@link WordsByGlyph} mends a doubtful text where knowledge and the printed shapes agree; named so it can be
 * switched off on its own.
 */
interface GlyphMend {

    String name();

    /**
     * The text mended, or {@code text} as it is.
     *
     * @param read   the text as read before any part mended it
     * @param shapes its printed characters, cut from the line
     */
    String mend(String text, String read, List<GlyphMatcher.Shape> shapes, Candidate c, StepContext ctx);
}
