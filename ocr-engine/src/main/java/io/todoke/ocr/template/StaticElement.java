package io.todoke.ocr.template;

/** Something printed on the blank form: a ruled cell (with its label) or an empty check box. */
public record StaticElement(String kind, String text, MmBox box, double sizeMm, String align, boolean border, boolean bold) {

    public boolean checkbox() {
        return "checkbox".equals(kind);
    }
}
