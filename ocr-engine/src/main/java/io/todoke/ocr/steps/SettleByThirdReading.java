package io.todoke.ocr.steps;

/**
 * Mends: where a check reading made another formatted value, the clerk confirms either way, but is shown the value
 * two of three readings make: a reduced reading sides with the check (a dropped digit in the first reading is the
 * commoner mistake) or the first reading stands.
 */
final class SettleByThirdReading implements FieldStep {

    @Override
    public String name() {
        return "settle-by-third-reading";
    }

    @Override
    public Kind kind() {
        return Kind.MEND;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        if (c.checkDisagreed == null || !FieldFormat.constrained(c.spec().type()) || !c.checkDisagreed.valid()
                || c.checkDisagreed.value() == null) {
            return;
        }
        Interpretation third = ctx.format().interpret(c.spec(), c.readings().at(RescueByScale.SETTLING_SCALE));
        if (FieldFormat.sameValue(c.checkDisagreed, third.normalised())) {
            c.take(third);
        }
    }
}
