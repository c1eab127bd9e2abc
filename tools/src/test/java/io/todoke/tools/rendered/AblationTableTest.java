package io.todoke.tools.rendered;

import io.todoke.ocr.steps.Steps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AblationTableTest {

    private static final String HEADER = "file\tmode\tstyle\tkey\ttype\texpected\tread\traw\tstatus\tconfidence\tright\tmessages";

    /** A field TSV with {@code okRight} right ok fields, {@code okWrong} wrong ok ones and {@code doubtful} right doubtful ones. */
    private static void fields(Path file, int okRight, int okWrong, int doubtful) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < okRight; i++) {
            b.append("f.pdf\tfine\tprint\tage\tinteger\t1\t1\t1\tOK\t0.99\ttrue\t\n");
        }
        for (int i = 0; i < okWrong; i++) {
            b.append("f.pdf\tfine\tprint\tage\tinteger\t1\t7\t7\tOK\t0.99\tfalse\t\n");
        }
        for (int i = 0; i < doubtful; i++) {
            b.append("f.pdf\tfine\tprint\tage\tinteger\t1\t1\t1\tLOW_CONFIDENCE\t0.5\ttrue\t\n");
        }
        Files.writeString(file, b);
    }

    @Test
    void aStepThatPreventsASilentErrorOnOnePathOnlyIsListedAsPayingOnThatPath(@TempDir Path dir) throws IOException {
        fields(dir.resolve("a-all.fields.tsv"), 5, 0, 5);
        fields(dir.resolve("b-all.fields.tsv"), 5, 0, 5);
        for (String step : Steps.names()) {
            fields(dir.resolve("a-off-" + step + ".fields.tsv"), 5, 0, 5);
            fields(dir.resolve("b-off-" + step + ".fields.tsv"), 5, 0, 5);
        }
        // without eight-or-three, path B accepts a misread field it held back
        fields(dir.resolve("b-off-eight-or-three.fields.tsv"), 5, 1, 4);

        String table = AblationTable.table(dir);

        assertThat(table).contains("| eight-or-three | 0 | 0 | 0 | +1 | -1 | -1 | B only |")
                .contains("| check-reading | 0 | 0 | 0 | 0 | 0 | 0 | neither (on these sets) |")
                .contains("Pays on one path only: eight-or-three.");
    }
}
