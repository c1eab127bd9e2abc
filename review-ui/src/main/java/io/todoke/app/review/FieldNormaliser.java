package io.todoke.app.review;

import java.util.List;

/** Turns what a clerk typed into a field's stored value, the same way the engine normalises what it reads. */
public interface FieldNormaliser {

    /**
     * @param value    the normalised value (String, Long), or null for an empty field
     * @param messages why the text is not a valid value of the type (Japanese); empty when it is
     */
    record Normalised(Object value, List<String> messages) {
        public boolean valid() {
            return messages.isEmpty();
        }
    }

    Normalised normalise(String type, String text);
}
