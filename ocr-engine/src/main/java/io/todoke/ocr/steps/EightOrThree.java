package io.todoke.ocr.steps;

import io.todoke.ocr.image.Gray;
import io.todoke.ocr.read.CharacterCells;
import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.read.ThreeOrEight;
import io.todoke.ocr.read.ZoneText;

import java.util.List;

/**
 * Doubts: every reading may make one misread digit alike (a printed 078-670-0377 read 0877 at 0.99 by all three, a
 * standard-mode Mincho 3): where a printed 8 is open on its left as a 3 is, a clerk looks, whether the value was read
 * surely or every reading agrees on it ({@link ThreeOrEight}).
 */
final class EightOrThree implements FieldStep {

    @Override
    public String name() {
        return "eight-or-three";
    }

    @Override
    public Kind kind() {
        return Kind.DOUBT;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        if (FieldFormat.constrained(c.spec().type()) && c.readings().verifiable() && c.value.valid() && c.value() != null
                && c.problems.isEmpty() && c.doubts.isEmpty() && anEightLooksLikeAThree(c.readings().zone(), c.raw)) {
            c.doubt(Messages.DIGIT_SHAPE, ReadingFusion.DISAGREEMENT_CAP);
        }
    }

    /** Whether an 8 of {@code text}, its cell cut clear from the line, looks like a 3; a digit not cut says nothing. */
    static boolean anEightLooksLikeAThree(ZoneText z, String text) {
        String compact = text.replaceAll("\\s+", "");
        if (compact.indexOf('8') < 0) {
            return false;
        }
        List<Gray> cells = CharacterCells.crops(z.lines(), text);
        if (cells == null || cells.size() != compact.length()) {
            return false;
        }
        for (int i = 0; i < compact.length(); i++) {
            if (compact.charAt(i) == '8' && cells.get(i) != null && ThreeOrEight.looksLikeThree(cells.get(i))) {
                return true;
            }
        }
        return false;
    }
}
