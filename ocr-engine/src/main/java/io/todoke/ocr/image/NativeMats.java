package io.todoke.ocr.image;

import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenCV matrices released together when the scope closes, also when an allocation or operation between them throws:
 * a matrix's pixels live outside the Java heap, and one left to the garbage collector held gigabytes after a failed
 * page. Use in try-with-resources, on one thread.
 */
public final class NativeMats implements AutoCloseable {

    /** Matrices taken by this thread's open scopes: a test's view of what a failure left unreleased. */
    private static final ThreadLocal<long[]> LIVE = ThreadLocal.withInitial(() -> new long[1]);

    private final List<Mat> mats = new ArrayList<>(4);

    /** Takes {@code m} into the scope and returns it. */
    public Mat add(Mat m) {
        mats.add(m);
        LIVE.get()[0]++;
        return m;
    }

    /** A new empty matrix in the scope (an output for OpenCV to fill). */
    public Mat empty() {
        return add(new Mat());
    }

    @Override
    public void close() {
        for (Mat m : mats) {
            m.release();
            LIVE.get()[0]--;
        }
        mats.clear();
    }

    /** How many matrices this thread's scopes hold unreleased. */
    public static long live() {
        return LIVE.get()[0];
    }
}
