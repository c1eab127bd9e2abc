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

    /**
     * Whether the page is black and white only (a fax), not grey or colour: one bit a pixel, or grey bytes that are
     * all black or white (PDFBox decodes a PDF's 1-bit fax image so).
     */
    public boolean bilevel() {
        if (image.getColorModel().getPixelSize() == 1) {
            return true;
        }
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY
                || !(image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte bytes)) {
            return false;
        }
        for (byte v : bytes.getData()) {
            if (v != 0 && v != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** A page without a positioned text layer. */
    public DecodedPage(BufferedImage image, double dpiX, double dpiY, String text) {
        this(image, dpiX, dpiY, text, List.of());
    }
}
