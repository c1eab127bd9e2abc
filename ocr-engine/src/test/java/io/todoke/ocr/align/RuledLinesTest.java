package io.todoke.ocr.align;

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
        Random random = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int minRun = 4 + random.nextInt(20);
            Gray ink = ruledNoise(random, 30 + random.nextInt(90), 20 + random.nextInt(60));
            RuledLines.Strokes s = RuledLines.horizontal(ink, minRun);
            assertArrayEquals(openCv(ink, minRun, true).px(), s.mask().px(), "trial " + trial + " minRun " + minRun);
            assertArrayEquals(count(s.mask(), true), s.profile(), "trial " + trial);
        }
    }

    @Test
    void verticalStrokesAreOpenCvsClosingThenOpeningPixelForPixel() {
        Random random = new Random(12);
        for (int trial = 0; trial < 40; trial++) {
            int minRun = 4 + random.nextInt(20);
            Gray ink = ruledNoise(random, 20 + random.nextInt(60), 30 + random.nextInt(90));
            RuledLines.Strokes s = RuledLines.vertical(ink, minRun);
            assertArrayEquals(openCv(ink, minRun, false).px(), s.mask().px(), "trial " + trial + " minRun " + minRun);
            assertArrayEquals(count(s.mask(), false), s.profile(), "trial " + trial);
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
