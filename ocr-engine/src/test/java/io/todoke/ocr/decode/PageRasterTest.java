package io.todoke.ocr.decode;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRasterTest {

    @Test
    void aResizeFailingAfterItsFirstMatrixReleasesBoth() {
        // OpenCV refuses an empty target size after the source matrix is allocated and filled, and before the result is
        long before = io.todoke.ocr.image.NativeMats.live();
        assertThatThrownBy(() -> PageRaster.resize(new byte[100 * 100], 100, 100, 0, 0))
                .isInstanceOf(org.opencv.core.CvException.class);
        assertThat(io.todoke.ocr.image.NativeMats.live()).isEqualTo(before);
    }

    @Test
    void aResizeReleasesItsMatricesAndKeepsThePixels() {
        byte[] grey = new byte[4 * 2];
        java.util.Arrays.fill(grey, (byte) 200);
        long before = io.todoke.ocr.image.NativeMats.live();
        BufferedImage img = PageRaster.resize(grey, 4, 2, 8, 4);
        assertThat(io.todoke.ocr.image.NativeMats.live()).isEqualTo(before);
        assertThat(img.getRaster().getSample(7, 3, 0)).isEqualTo(200);
    }

    /** At 25.4 * 8 dpi a page is already at 8 px/mm: the working image is its pixels as grey, unresized. */
    private static final double SAME_SIZE_DPI = 25.4 * 8;

    @Test
    void aOneBitPageBecomesWhite255AndBlack0PixelForPixel() {
        // an odd width: the last byte of each row is partly padding
        BufferedImage page = new BufferedImage(203, 37, BufferedImage.TYPE_BYTE_BINARY);
        paintNoise(page, new Random(3));
        assertGreyMatches(page);
    }

    @Test
    void aOneBitPageWhoseIndexOneIsBlackIsReadTheRightWayRound() {
        // PDF's /BlackIs1 and some TIFFs: bit 1 is black
        IndexColorModel blackIsOne = new IndexColorModel(1, 2, new byte[] {(byte) 255, 0}, new byte[] {(byte) 255, 0},
                new byte[] {(byte) 255, 0});
        BufferedImage page = new BufferedImage(61, 19, BufferedImage.TYPE_BYTE_BINARY, blackIsOne);
        paintNoise(page, new Random(5));
        assertGreyMatches(page);
    }

    @Test
    void aSubimageOfAOneBitPageIsReadFromItsOwnCorner() {
        BufferedImage page = new BufferedImage(120, 40, BufferedImage.TYPE_BYTE_BINARY);
        paintNoise(page, new Random(7));
        assertGreyMatches(page.getSubimage(13, 5, 77, 30));
    }

    private static void paintNoise(BufferedImage page, Random random) {
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                page.setRGB(x, y, random.nextBoolean() ? 0xFFFFFF : 0);
            }
        }
    }

    private static void assertGreyMatches(BufferedImage page) {
        BufferedImage working = PageRaster.toWorking(new DecodedPage(page, SAME_SIZE_DPI, SAME_SIZE_DPI, ""), 8);
        assertThat(working.getWidth()).isEqualTo(page.getWidth());
        assertThat(working.getHeight()).isEqualTo(page.getHeight());
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int want = (page.getRGB(x, y) & 0xFFFFFF) == 0 ? 0 : 255;
                assertThat(working.getRaster().getSample(x, y, 0)).as("pixel %d,%d", x, y).isEqualTo(want);
            }
        }
    }
}
