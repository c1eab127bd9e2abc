package io.todoke.ocr.align;

import io.todoke.ocr.image.OpenCvLoader;

import io.todoke.ocr.image.Gray;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InkRunsTest {

    @Test
    void componentAreasMatchOpenCvEightConnectedLabelling() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int w = 17 + random.nextInt(60);
            int h = 5 + random.nextInt(40);
            Gray mask = randomMask(random, w, h, 0.05 + 0.5 * random.nextDouble());
            int[] expected = openCvAreaPerPixel(mask);
            InkRuns runs = InkRuns.of(mask);
            int[] area = runs.componentAreas();
            int[] actual = new int[w * h];
            for (int r = 0; r < runs.count(); r++) {
                for (int x = runs.start(r); x <= runs.end(r); x++) {
                    actual[runs.row(r) * w + x] = area[r];
                }
            }
            assertArrayEquals(expected, actual, "trial " + trial);
        }
    }

    @Test
    void diagonalNeighboursAreOneComponentAndASeparatedRunIsNot() {
        // row 0: ink at 0-1 and at 6; row 1: ink at 2 (touches 0-1 diagonally) and nothing near 6
        byte[] px = new byte[8 * 2];
        px[0] = px[1] = px[6] = (byte) 255;
        px[8 + 2] = (byte) 255;
        InkRuns runs = InkRuns.of(new Gray(px, 8, 2));
        assertEquals(3, runs.count());
        assertArrayEquals(new int[] {3, 1, 3}, runs.componentAreas());
    }

    @Test
    void despeckleRemovesSmallComponentsFromMaskAndGreyAlike() {
        byte[] ink = new byte[20 * 10];
        byte[] grey = new byte[ink.length];
        java.util.Arrays.fill(grey, (byte) 255);
        ink[2 * 20 + 3] = (byte) 255; // a one-pixel speck
        grey[2 * 20 + 3] = 0;
        for (int x = 5; x < 15; x++) { // a stroke of ten pixels
            ink[6 * 20 + x] = (byte) 255;
            grey[6 * 20 + x] = 0;
        }
        Gray[] clean = Cleaning.despeckle(new Gray(grey, 20, 10), new Gray(ink, 20, 10), 4);
        assertEquals(0, clean[1].px()[2 * 20 + 3]);
        assertEquals(255, clean[0].get(3, 2));
        assertEquals(10, java.util.stream.IntStream.range(0, 20).filter(x -> clean[1].px()[6 * 20 + x] != 0).count());
        assertEquals(0, clean[0].get(9, 6));
    }

    private static Gray randomMask(Random random, int w, int h, double density) {
        byte[] px = new byte[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextDouble() < density ? (byte) (1 + random.nextInt(255)) : 0;
        }
        return new Gray(px, w, h);
    }

    private static int[] openCvAreaPerPixel(Gray mask) {
        OpenCvLoader.load();
        Mat m = mask.toMat();
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        Imgproc.connectedComponentsWithStats(m, labels, stats, centroids, 8);
        int[] lab = new int[(int) labels.total()];
        labels.get(0, 0, lab);
        int[] out = new int[lab.length];
        for (int i = 0; i < lab.length; i++) {
            out[i] = lab[i] == 0 ? 0 : (int) stats.get(lab[i], Imgproc.CC_STAT_AREA)[0];
        }
        m.release();
        labels.release();
        stats.release();
        centroids.release();
        return out;
    }
}
