package io.todoke.ocr.validate;

import java.util.List;

/** A broken cross-field rule: the clerk-facing message and the fields involved. */
public record Violation(String message, List<String> fields) {

    public Violation {
        fields = List.copyOf(fields);
    }
}
