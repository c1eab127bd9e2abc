package io.todoke.ocr.decode;

import java.awt.image.BufferedImage;

/**
 * One page as stored in the file, before anything else happens to it.
 *
 * @param image the page's pixels as stored (fax pixels may be non-square)
 * @param dpiX  horizontal resolution
 * @param dpiY  vertical resolution (98 for standard fax against 204 horizontally)
 * @param text  the PDF text layer of the page, or empty
 */
public record DecodedPage(BufferedImage image, double dpiX, double dpiY, String text) {
}
