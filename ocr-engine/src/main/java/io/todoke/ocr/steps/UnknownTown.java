package io.todoke.ocr.steps;

import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.read.TownChoice;
import io.todoke.ocr.template.FieldType;

/**
 * Doubts: an address whose town its ward does not have (postal code data) was misread, however sure the recogniser was
 * of it, or the writer misspelled it: either way a clerk looks.
 */
final class UnknownTown implements FieldStep {

    @Override
    public String name() {
        return "unknown-town";
    }

    @Override
    public Kind kind() {
        return Kind.DOUBT;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        if (c.spec().type() == FieldType.ADDRESS && c.value() instanceof String v
                && TownChoice.unknownTown(v, ctx.knowledge().towns)) {
            c.doubt(Messages.UNKNOWN_TOWN, ReadingFusion.DISAGREEMENT_CAP);
        }
    }
}
