package io.todoke.ocr.normalise;

/**
 * The result of normalising one raw reading.
 *
 * @param value   the normalised value, or null when it could not be normalised (see {@code problem})
 * @param problem why the raw text is not a valid value of its type (Japanese), or null
 */
public record Normalised(Object value, String problem) {

    public static Normalised ok(Object value) {
        return new Normalised(value, null);
    }

    public static Normalised invalid(String problem) {
        return new Normalised(null, problem);
    }

    public boolean valid() {
        return problem == null;
    }
}
