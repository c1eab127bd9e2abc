package io.todoke.tools.samples;

/** How a doctor marks a chosen option: in its check box (✓ ■ ×) or by circling the option (○). */
public enum MarkStyle {
    CHECK, FILL, CROSS, CIRCLE;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
