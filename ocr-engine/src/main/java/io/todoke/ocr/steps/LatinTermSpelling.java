package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.Normalised;
import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.template.FieldType;

/** Mends: a Latin term of the template's list (SpO2 read as Sp02) spelled as the list has it, for a clerk to confirm. */
final class LatinTermSpelling implements FieldStep {

    @Override
    public String name() {
        return "latin-terms";
    }

    @Override
    public Kind kind() {
        return Kind.MEND;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        var terms = ctx.knowledge().terms;
        if (c.spec().type() != FieldType.TEXT || !(c.value() instanceof String v) || terms.isEmpty()) {
            return;
        }
        String spelled = io.todoke.ocr.normalise.LatinTerms.mend(v, terms);
        if (!spelled.equals(v)) {
            c.value = Normalised.ok(spelled);
            c.doubt(Messages.TERM, ReadingFusion.DISAGREEMENT_CAP);
        }
    }
}
