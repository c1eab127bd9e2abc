package io.todoke.ocr.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class GrayTest {

    @Test
    void theBinaryImageIsBlackWhereTheGreyIsDarkAtEveryBitOfARow() {
        int w = 11;
        byte[] px = new byte[w * 2];
        java.util.Arrays.fill(px, (byte) 255);
        px[0] = 0;          // first bit of the first byte
        px[7] = 100;        // last bit of the first byte
        px[8] = (byte) 127; // first bit of the second byte
        px[w + 10] = 0;     // last pixel of the second row (a byte with unused bits)
        BufferedImage img = new Gray(px, w, 2).toBinaryImage(false);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < w; x++) {
                boolean black = (img.getRGB(x, y) & 0xFFFFFF) == 0;
                assertThat(black).as("(%d, %d)", x, y).isEqualTo((px[y * w + x] & 0xFF) < 128);
            }
        }
    }

    @Test
    void aMaskIsBlackWhereItIsSet() {
        byte[] mask = {0, (byte) 255, 0};
        BufferedImage img = new Gray(mask, 3, 1).toBinaryImage(true);
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(img.getRGB(1, 0) & 0xFFFFFF).isZero();
    }
}
