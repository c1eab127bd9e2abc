package io.todoke.natives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The repacked jar holds one platform's native libraries (-Dopencv.natives, -Dtesseract.natives), Tess4J's and
 * Lept4J's classes without their bundled models, and OpenCV loads from it as from openpnp's jar.
 */
class PlatformNativesTest {

    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void onlyTheChosenPlatformsLibrariesArePacked() throws IOException {
        String opencv = System.getProperty("opencv.natives", "linux/x86_64");
        String tesseract = System.getProperty("tesseract.natives", "none");
        List<String> libraries;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            libraries = files.filter(Files::isRegularFile).map(p -> CLASSES.relativize(p).toString())
                    .filter(p -> p.endsWith(".so") || p.endsWith(".dll") || p.endsWith(".dylib")).toList();
        }
        assertThat(libraries).isNotEmpty().allSatisfy(p -> assertThat(p)
                .matches(l -> l.startsWith("nu/pattern/opencv/" + opencv + "/") || l.startsWith(tesseract + "/")));
        assertThat(CLASSES.resolve("tessdata")).doesNotExist();
    }

    @Test
    void tess4jAndLept4jClassesAreThere() {
        assertThat(CLASSES.resolve("net/sourceforge/tess4j/TessAPI.class")).isRegularFile();
        assertThat(CLASSES.resolve("net/sourceforge/lept4j/Leptonica1.class")).isRegularFile();
    }

    @Test
    void openCvLoadsFromIt() {
        nu.pattern.OpenCV.loadLocally();
        Mat m = new Mat(3, 4, CvType.CV_8UC1);
        assertThat(m.cols()).isEqualTo(4);
        assertThat(Core.VERSION).startsWith("4.");
    }
}
