package io.todoke.ocr.image;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** An 8-bit image as plain bytes (row-major); OpenCV Mats are made from it only inside a step. */
public record Gray(byte[] px, int width, int height) {

    public int get(int x, int y) {
        return px[y * width + x] & 0xFF;
    }

    /** The bounding box of the ink (darker than 128) as {x, y, width, height}; null when there is none. */
    public int[] inkBox() {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (get(x, y) < 128) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    public static Gray of(BufferedImage img) {
        BufferedImage g = img;
        if (img.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            g.getGraphics().drawImage(img, 0, 0, null);
        }
        byte[] data = ((DataBufferByte) g.getRaster().getDataBuffer()).getData();
        return new Gray(data.clone(), g.getWidth(), g.getHeight());
    }

    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(px, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, px.length);
        return img;
    }

    /** 1-bit copy: ink (non-zero in a mask, dark in a grey image) black on white. */
    public BufferedImage toBinaryImage(boolean isMask) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        // bits packed straight into the raster (1 = white, most significant bit first): setPixels row by row took
        // longer than the rest of making the page image
        byte[] bits = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int stride = (width + 7) / 8;
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            for (int x = 0; x < width; x++) {
                int v = px[y * width + x] & 0xFF;
                boolean white = isMask ? v == 0 : v >= 128;
                if (white) {
                    bits[row + (x >> 3)] |= (byte) (0x80 >> (x & 7));
                }
            }
        }
        return img;
    }

    public Mat toMat() {
        Mat m = new Mat(height, width, CvType.CV_8UC1);
        try {
            m.put(0, 0, px);
            return m;
        } catch (RuntimeException | Error e) {
            m.release();
            throw e;
        }
    }

    public static Gray of(Mat m) {
        byte[] data = new byte[(int) (m.total())];
        m.get(0, 0, data);
        return new Gray(data, m.cols(), m.rows());
    }
}
