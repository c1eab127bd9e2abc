package io.todoke.ocr;

/**
 * A page as the engine saw it after decoding, restoring the pixel aspect, turning it upright and aligning it:
 * the image a clerk is shown, and the one every {@link PixelBox} refers to.
 *
 * @param page   0-based page index in the fax
 * @param png    the page as PNG (grey or 1-bit)
 * @param width  pixels
 * @param height pixels
 */
public record PageImage(int page, byte[] png, int width, int height) {
}
