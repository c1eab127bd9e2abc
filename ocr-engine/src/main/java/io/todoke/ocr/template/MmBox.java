package io.todoke.ocr.template;

/** A rectangle on the form in millimetres from the page's top-left corner. */
public record MmBox(double x, double y, double w, double h) {

    public MmBox inset(double mm) {
        return new MmBox(x + mm, y + mm, Math.max(0, w - 2 * mm), Math.max(0, h - 2 * mm));
    }

    public MmBox grow(double mm) {
        return inset(-mm);
    }
}
