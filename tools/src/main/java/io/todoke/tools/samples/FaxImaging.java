package io.todoke.tools.samples;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/** What the sending fax machine does to a page: a hard black/white threshold, plus dust and dropouts. */
public final class FaxImaging {

    private FaxImaging() {
    }

    /**
     * @param grey      a TYPE_BYTE_GRAY page
     * @param threshold grey levels below it become black
     * @param speckle   the share of pixels that flip (dust on the glass, line noise), e.g. 0.0003
     * @return a TYPE_BYTE_BINARY page (index 0 black, 1 white), the kind CCITT compression takes
     */
    public static BufferedImage binarise(BufferedImage grey, int threshold, double speckle, Random rnd) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("grey page expected, got type " + grey.getType());
        }
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] src = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int stride = (w + 7) / 8;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((src[y * w + x] & 0xff) >= threshold) {
                    dst[y * stride + (x >> 3)] |= (byte) (0x80 >> (x & 7));
                }
            }
        }
        // Dust: small black clumps; dropouts: single white pixels. Counts, not per-pixel draws, keep it fast.
        long flips = Math.round((double) w * h * speckle);
        for (long i = 0; i < flips; i++) {
            int x = rnd.nextInt(w);
            int y = rnd.nextInt(h);
            boolean dust = rnd.nextInt(3) > 0;
            int size = dust ? 1 + rnd.nextInt(2) : 1;
            for (int dy = 0; dy < size && y + dy < h; dy++) {
                for (int dx = 0; dx < size && x + dx < w; dx++) {
                    int idx = (y + dy) * stride + ((x + dx) >> 3);
                    int bit = 0x80 >> ((x + dx) & 7);
                    dst[idx] = (byte) (dust ? dst[idx] & ~bit : dst[idx] | bit);
                }
            }
        }
        return out;
    }
}
