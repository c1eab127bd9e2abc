package io.todoke.ocr;

/** A rectangle in the pixels of a {@link PageImage}. */
public record PixelBox(int x, int y, int width, int height) {
}
