package io.todoke.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every main package of every module declares JSpecify's nullness default in its package-info.java. */
class NullnessDefaultsTest {

    @Test
    void everyMainPackageIsNullMarked() throws IOException {
        List<Path> packages;
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            packages = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .map(Path::getParent).distinct().toList();
        }
        assertThat(packages).hasSizeGreaterThan(40);
        assertThat(packages).as("packages without a @NullMarked package-info.java").allSatisfy(dir -> {
            Path info = dir.resolve("package-info.java");
            assertThat(info).isRegularFile();
            assertThat(Files.readString(info)).contains("@NullMarked");
        });
    }
}
