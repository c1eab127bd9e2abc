package io.todoke.ocr.steps;

/**
 * Proposes: where the format rejects the first reading as it stands, an enlarged reading often resolves a broken or
 * merged character (a slash read as 7, a dropped digit), which no substitution among the first reading's characters
 * can (090-633-4105 made valid as 096-633-4105); where neither makes a value, a reduced one often does (a 年 read as
 * 和 with a stray dash).
 */
final class RescueByScale implements FieldStep {

    /**
     * Scale of the reading that settles a formatted value where two readings differ: smaller than both, whose
     * mistakes differ most (the first reading and the enlarged one both dropped or mistook the 0 of 10月 where a
     * reduced one kept it).
     */
    static final double SETTLING_SCALE = 0.8;

    @Override
    public String name() {
        return "rescue-by-scale";
    }

    @Override
    public Kind kind() {
        return Kind.PROPOSE;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        boolean valid = c.value.valid();
        if (!c.readings().verifiable() || !FieldFormat.constrained(c.spec().type())
                || valid && c.raw.equals(c.readings().first().text())) {
            return;
        }
        Interpretation second = ctx.format().interpret(c.spec(), c.readings().enlarged());
        if (!valid && !makesValue(second)) {
            second = ctx.format().interpret(c.spec(), c.readings().at(SETTLING_SCALE));
        }
        if (makesValue(second) && (!valid || second.confidence() > c.confidence)) {
            c.take(second);
            c.confidence = second.confidence();
            c.rescued = true;
        }
    }

    private static boolean makesValue(Interpretation i) {
        return i.normalised().valid() && i.normalised().value() != null;
    }
}
