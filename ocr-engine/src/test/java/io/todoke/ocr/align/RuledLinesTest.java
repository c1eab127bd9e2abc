package io.todoke.ocr.align;

import io.todoke.ocr.image.OpenCvLoader;

import io.todoke.ocr.image.Gray;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RuledLinesTest {

    @Test
    void horizontalStrokesAreOpenCvsClosingThenOpeningPixelForPixel() {
        assertMatchesOpenCv(true, 11);
    }

    @Test
    void verticalStrokesAreOpenCvsClosingThenOpeningPixelForPixel() {
        assertMatchesOpenCv(false, 12);
    }

    private static void assertMatchesOpenCv(boolean horizontal, long seed) {
        Random random = new Random(seed);
        for (int trial = 0; trial < 40; trial++) {
            int minRun = 4 + random.nextInt(20);
            int along = 30 + random.nextInt(90);
            int across = 20 + random.nextInt(60);
            Gray ink = horizontal ? ruledNoise(random, along, across) : ruledNoise(random, across, along);
            RuledLines.Strokes s = RuledLines.both(ink, minRun)[horizontal ? 0 : 1];
            assertArrayEquals(openCv(ink, minRun, horizontal).px(), s.mask().px(), "trial " + trial + " minRun " + minRun);
            assertArrayEquals(count(s.mask(), horizontal), s.profile(), "trial " + trial);
        }
    }

    @Test
    void aRunShorterThanTheLineIsDroppedUnlessItTouchesTheEdge() {
        assertNull(RuledLines.opened(10, 20, 100, 16));
        // at the left edge, outside counts as ink: half the length is enough
        assertArrayEquals(new int[] {0, 13}, RuledLines.opened(0, 12, 100, 16));
        // an even line keeps a long run shifted one pixel along, as OpenCV's anchor does
        assertArrayEquals(new int[] {11, 41}, RuledLines.opened(10, 40, 100, 16));
    }

    /** Random specks and dashes plus long broken lines both ways, some running into the image's edges. */
    private static Gray ruledNoise(Random random, int w, int h) {
        byte[] px = new byte[w * h];
        for (int i = 0; i < px.length; i++) {
            if (random.nextDouble() < 0.08) {
                px[i] = (byte) 255;
            }
        }
        for (int k = 0; k < 6; k++) {
            boolean across = random.nextBoolean();
            int at = random.nextInt(across ? h : w);
            int from = random.nextBoolean() ? 0 : random.nextInt(across ? w : h);
            int to = random.nextBoolean() ? (across ? w : h) - 1 : from + random.nextInt((across ? w : h) - from);
            for (int i = from; i <= to; i++) {
                if (random.nextDouble() < 0.9) {
                    px[across ? at * w + i : i * w + at] = (byte) 255;
                }
            }
        }
        return new Gray(px, w, h);
    }

    private static Gray openCv(Gray ink, int minRun, boolean horizontal) {
        OpenCvLoader.load();
        Mat src = ink.toMat();
        Mat dst = new Mat();
        Mat bridge = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, horizontal ? new Size(7, 3) : new Size(3, 7));
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, horizontal ? new Size(minRun, 1) : new Size(1, minRun));
        Imgproc.morphologyEx(src, dst, Imgproc.MORPH_CLOSE, bridge);
        Imgproc.morphologyEx(dst, dst, Imgproc.MORPH_OPEN, kernel);
        Gray out = Gray.of(dst);
        src.release();
        dst.release();
        bridge.release();
        kernel.release();
        return out;
    }

    private static int[] count(Gray mask, boolean rows) {
        int[] p = new int[rows ? mask.height() : mask.width()];
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.px()[y * mask.width() + x] != 0) {
                    p[rows ? y : x]++;
                }
            }
        }
        return p;
    }
}
