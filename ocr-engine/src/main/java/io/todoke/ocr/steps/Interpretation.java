package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.Normalised;

/** A reading of a zone as a value of its field: the text chosen, its normalised value, its confidence. */
public record Interpretation(String raw, Normalised normalised, double confidence) {
}
