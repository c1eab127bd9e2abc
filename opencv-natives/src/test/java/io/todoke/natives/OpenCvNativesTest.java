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

/** The repacked OpenCV holds one platform's native library (-Dopencv.natives) and loads it as the full jar does. */
class OpenCvNativesTest {

    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void onlyTheChosenPlatformsNativeLibraryIsPacked() throws IOException {
        String natives = System.getProperty("opencv.natives", "linux/x86_64");
        List<Path> libraries;
        try (Stream<Path> files = Files.walk(CLASSES.resolve("nu/pattern/opencv"))) {
            libraries = files.filter(Files::isRegularFile).map(CLASSES::relativize).toList();
        }
        assertThat(libraries).isNotEmpty()
                .allSatisfy(p -> assertThat(p.toString()).startsWith("nu/pattern/opencv/" + natives + "/"));
    }

    @Test
    void openCvLoadsFromIt() {
        nu.pattern.OpenCV.loadLocally();
        Mat m = new Mat(3, 4, CvType.CV_8UC1);
        assertThat(m.cols()).isEqualTo(4);
        assertThat(Core.VERSION).startsWith("4.");
    }
}
