package io.todoke.ocr.steps;

import java.util.Map;

/** A step on the page's candidates together (a name and its furigana, dates and an age), by field key. */
public interface FormStep extends Step {

    void apply(Map<String, Candidate> fields, StepContext ctx);
}
