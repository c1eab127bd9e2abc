package io.todoke.ocr.steps;

/** A step on one text field's candidate, after its first reading. */
public interface FieldStep extends Step {

    void apply(Candidate c, StepContext ctx);
}
