package io.todoke.ocr.steps;

/**
 * Proposes: where a formatted value's first reading does not fit its format as it stands, the same reading made with
 * the recogniser's per-character alternatives, and the likeliest text among them that fits.
 */
final class FormatAlternatives implements FieldStep {

    @Override
    public String name() {
        return "format-alternatives";
    }

    @Override
    public Kind kind() {
        return Kind.PROPOSE;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        if (!FieldFormat.constrained(c.spec().type()) || ctx.format().acceptable(c.spec(), c.readings().first().text())) {
            return;
        }
        c.readings().withAlternatives();
        Interpretation i = ctx.format().interpret(c.spec(), c.readings().first());
        c.take(i);
        c.confidence = i.confidence();
    }
}
