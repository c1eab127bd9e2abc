package io.todoke.ocr.decode;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One page as stored in the file, before anything else happens to it.
 *
 * @param image the page's pixels as stored (fax pixels may be non-square)
 * @param dpiX  horizontal resolution
 * @param dpiY  vertical resolution (98 for standard fax against 204 horizontally)
 * @param text  the PDF text layer of the page, or empty
 * @param words the PDF text layer glyph by glyph, in millimetres of the page as {@code image} shows it; empty
 *              when the page has no text layer
 */
public record DecodedPage(BufferedImage image, double dpiX, double dpiY, String text, List<PlacedText> words) {

    public DecodedPage {
        words = List.copyOf(words);
    }

    /** A page without a positioned text layer. */
    public DecodedPage(BufferedImage image, double dpiX, double dpiY, String text) {
        this(image, dpiX, dpiY, text, List.of());
    }
}
