package io.todoke.ocr.image;

/**
 * Loads OpenCV's native library once; openpnp's bundled build loads on Debian 12 with loadLocally. OpenCV's own
 * thread pool is turned off: the engine already reads one page per thread, and on a busy machine OpenCV's workers
 * only contended with them (about 20 ms of CPU per page spent on handing work around).
 */
public final class OpenCvLoader {

    private static volatile boolean loaded;

    private OpenCvLoader() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OpenCvLoader.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    org.opencv.core.Core.setNumThreads(1);
                    loaded = true;
                }
            }
        }
    }
}
