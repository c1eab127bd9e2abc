package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.JapaneseText;
import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.template.FieldType;

/**
 * Doubts: a text with a gap inside, where the cleaning may have taken a mark (：・) for specks: no reading can see it,
 * and the gap it leaves is all there is to go on. Not in a person's name.
 */
final class GapInText implements FieldStep {

    @Override
    public String name() {
        return "gap-in-text";
    }

    @Override
    public Kind kind() {
        return Kind.DOUBT;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        if (c.spec().type() == FieldType.TEXT && !ctx.knowledge().nameOfPerson(c.spec().key())
                && c.value() instanceof String v && JapaneseText.hasGapInside(v)) {
            c.doubt(Messages.GAP, ReadingFusion.DISAGREEMENT_CAP);
        }
    }
}
