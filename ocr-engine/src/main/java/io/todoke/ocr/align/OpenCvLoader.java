package io.todoke.ocr.align;

/** Loads OpenCV's native library once; openpnp's bundled build loads on Debian 12 with loadLocally. */
public final class OpenCvLoader {

    private static volatile boolean loaded;

    private OpenCvLoader() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OpenCvLoader.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
