package io.todoke.tools.samples;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One form as a doctor filled it: what is written in each text cell, which options are marked, and the value the
 * engine is expected to output for every field key (normalised per the forms README; null when empty).
 *
 * @param written text written per field key (absent when the cell is left empty)
 * @param marked  marked option values per choice / multi_choice field key (absent or empty when nothing marked)
 * @param truth   the expected normalised output for every field of the layout, in layout order
 */
public record FilledForm(Map<String, String> written, Map<String, List<String>> marked, Map<String, Object> truth) {

    public FilledForm {
        written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
        marked = Collections.unmodifiableMap(new LinkedHashMap<>(marked));
        truth = Collections.unmodifiableMap(new LinkedHashMap<>(truth));
    }
}
