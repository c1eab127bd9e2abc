package io.todoke.ocr.engine;

import io.todoke.ocr.image.Gray;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class PagePngTest {

    @Test
    void aPageDecodesBackToTheSameBlackAndWhitePixels() throws Exception {
        int w = 37;
        int h = 11;
        byte[] px = new byte[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) ((i * 7919 % 13 < 5) ? 20 : (i % 3 == 0 ? 127 : 200));
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PagePng.encode(new Gray(px, w, h))));
        assertThat(back.getWidth()).isEqualTo(w);
        assertThat(back.getHeight()).isEqualTo(h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean white = (px[y * w + x] & 0xFF) >= 128;
                assertThat((back.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(white);
            }
        }
    }

    @Test
    void aGreyPageDecodesBackToTheSameGreyLevels() throws Exception {
        int w = 29;
        int h = 7;
        byte[] px = new byte[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 37 % 256);
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PagePng.encode(new Gray(px, w, h), true)));
        assertThat(back.getWidth()).isEqualTo(w);
        assertThat(back.getHeight()).isEqualTo(h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertThat(back.getRaster().getSample(x, y, 0)).as("pixel %d,%d", x, y).isEqualTo(px[y * w + x] & 0xFF);
            }
        }
    }
}
