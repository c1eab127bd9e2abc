package io.todoke.ocr.marks;

/**
 * How one option looked.
 *
 * @param value      the option's value
 * @param boxInk     ink fraction inside its check box (border excluded)
 * @param ringInk    extra ink around the option's zone, per expected circle stroke (about 1 for a full circle)
 * @param state      marked, unmarked or ambiguous
 */
public record MarkReading(String value, double boxInk, double ringInk, State state) {

    public enum State { MARKED, UNMARKED, AMBIGUOUS }
}
