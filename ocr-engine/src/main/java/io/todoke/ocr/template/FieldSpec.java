package io.todoke.ocr.template;

import java.util.List;

/** A field a doctor fills in, as the layout defines it. */
public record FieldSpec(String key, String label, FieldType type, MmBox box, boolean required, List<OptionSpec> options) {

    public FieldSpec {
        options = List.copyOf(options);
    }
}
