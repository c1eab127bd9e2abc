package io.todoke.ocr.decode;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Turns a decoded page into square grey pixels at the engine's working resolution. */
public final class PageRaster {

    private PageRaster() {
    }

    /**
     * Resamples to {@code pxPerMm} in both directions: this is where a standard fax's 204x98 dpi pixels are stretched
     * vertically to be square again.
     */
    public static BufferedImage toWorking(DecodedPage page, double pxPerMm) {
        BufferedImage src = page.image();
        int w = Math.max(1, (int) Math.round(src.getWidth() / page.dpiX() * 25.4 * pxPerMm));
        int h = Math.max(1, (int) Math.round(src.getHeight() / page.dpiY() * 25.4 * pxPerMm));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
