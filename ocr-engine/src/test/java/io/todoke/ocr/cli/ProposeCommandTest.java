package io.todoke.ocr.cli;

import io.todoke.ocr.FaxFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProposeCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TodokeCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void proposeWithoutAFileIsWrongUsage() {
        assertThat(run("propose", "--templates", FaxFixtures.TEMPLATES.toString())).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("todoke propose BLANK_FORM");
    }

    @Test
    void anUnreadableBlankFormExitsWithTwoAndOneLine(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("blank.pdf"), "not a form");
        assertThat(run("propose", junk.toString(), "--templates", FaxFixtures.TEMPLATES.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).hasSize(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
