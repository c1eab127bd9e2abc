package io.todoke.ocr.decode;

import io.todoke.ocr.image.NativeMats;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

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
        if (src.getType() == BufferedImage.TYPE_BYTE_BINARY && src.getColorModel().getPixelSize() == 1) {
            return fromBits(src, w, h);
        }
        if (src.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return resize(((java.awt.image.DataBufferByte) src.getRaster().getDataBuffer()).getData(), src.getWidth(),
                    src.getHeight(), w, h);
        }
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

    /** A 1-bit fax page: unpacked to grey bytes and resized by OpenCV, several times faster than Java2D here. */
    private static BufferedImage fromBits(BufferedImage src, int w, int h) {
        int sw = src.getWidth();
        int sh = src.getHeight();
        byte[] grey = new byte[sw * sh];
        java.awt.image.Raster r = src.getRaster();
        boolean whiteIsOne = (src.getColorModel().getRGB(1) & 0xFFFFFF) != 0;
        if (r.getSampleModel() instanceof java.awt.image.MultiPixelPackedSampleModel packed
                && packed.getPixelBitStride() == 1 && r.getDataBuffer() instanceof java.awt.image.DataBufferByte bytes
                && r.getParent() == null) {
            // the packed bits read directly: Raster.getSamples took about 5 % of the engine's own (Java) time
            unpack(bytes.getData(), packed.getScanlineStride(), packed.getDataBitOffset(), whiteIsOne, grey, sw, sh);
        } else {
            int[] row = new int[sw];
            for (int y = 0; y < sh; y++) {
                r.getSamples(0, y, sw, 1, 0, row);
                for (int x = 0; x < sw; x++) {
                    grey[y * sw + x] = (row[x] == 1) == whiteIsOne ? (byte) 255 : 0;
                }
            }
        }
        return resize(grey, sw, sh, w, h);
    }

    /** 1-bit rows (most significant bit first, {@code stride} bytes apart) to grey bytes: white 255, black 0. */
    static void unpack(byte[] bits, int stride, int bitOffset, boolean whiteIsOne, byte[] grey, int w, int h) {
        byte one = whiteIsOne ? (byte) 255 : 0;
        byte zero = whiteIsOne ? 0 : (byte) 255;
        for (int y = 0; y < h; y++) {
            int row = y * stride * 8 + bitOffset;
            int out = y * w;
            for (int x = 0; x < w; x++) {
                int bit = row + x;
                grey[out + x] = (bits[bit >> 3] & (0x80 >> (bit & 7))) != 0 ? one : zero;
            }
        }
    }

    /**
     * Grey bytes resized by OpenCV (bilinear), several times faster than Java2D at page size. Both matrices are
     * released whatever throws between their allocations.
     */
    static BufferedImage resize(byte[] grey, int sw, int sh, int w, int h) {
        io.todoke.ocr.image.OpenCvLoader.load();
        try (NativeMats mats = new NativeMats()) {
            Mat m = mats.add(new Mat(sh, sw, CvType.CV_8UC1));
            m.put(0, 0, grey);
            Mat out = mats.empty();
            // linear both ways: area resampling turns the doubled rows of a standard fax into steps that break thin lines
            Imgproc.resize(m, out, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            out.get(0, 0, ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData());
            return img;
        }
    }
}
