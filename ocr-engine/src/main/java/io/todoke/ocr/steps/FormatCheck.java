package io.todoke.ocr.steps;

/**
 * The value's format, after the proposals: a text that is no value of its type is a problem, and writing whose reading
 * came to nothing must never pass for an empty field. Not a step that can be switched off: the decision rests on it.
 */
final class FormatCheck implements FieldStep {

    static final String NAME = "format";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Kind kind() {
        return Kind.DOUBT;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        if (!c.value.valid()) {
            c.problems.add(c.value.problem());
        } else if (c.value.value() == null) {
            c.problems.add(Messages.ILLEGIBLE);
        }
    }
}
