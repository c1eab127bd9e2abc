package io.todoke.ocr.template;

/** One option of a choice field: its value, printed label, check box and the zone a circle would cover. */
public record OptionSpec(String value, String label, MmBox mark, MmBox zone) {
}
