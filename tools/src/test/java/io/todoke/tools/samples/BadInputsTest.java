package io.todoke.tools.samples;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadInputsTest {

    @TempDir
    Path dir;

    private static String head(Path p, int n) throws IOException {
        byte[] b = Files.readAllBytes(p);
        return new String(Arrays.copyOf(b, Math.min(n, b.length)), StandardCharsets.ISO_8859_1);
    }

    @Test
    void zeroByteFileIsEmpty() throws IOException {
        assertThat(BadInputs.zeroByte(dir.resolve("a.pdf"))).isEmptyFile();
    }

    @Test
    void corruptPdfHasAPdfHeaderButCannotBeParsed() throws IOException {
        Path p = BadInputs.corruptPdf(dir.resolve("c.pdf"));
        assertThat(head(p, 5)).isEqualTo("%PDF-");
        assertThatThrownBy(() -> Loader.loadPDF(p.toFile()).close()).isInstanceOf(IOException.class);
    }

    @Test
    void truncatedPdfLacksItsEnd() throws IOException {
        Path p = BadInputs.truncatedPdf(dir.resolve("t.pdf"));
        assertThat(head(p, 5)).isEqualTo("%PDF-");
        assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).doesNotContain("%%EOF", "trailer");
    }

    @Test
    void encryptedPdfOpensOnlyWithItsPassword() throws IOException {
        Path p = BadInputs.encryptedPdf(dir.resolve("e.pdf"));
        assertThatThrownBy(() -> Loader.loadPDF(p.toFile()).close()).isInstanceOf(InvalidPasswordException.class);
        try (PDDocument doc = Loader.loadPDF(p.toFile(), BadInputs.PASSWORD)) {
            assertThat(doc.isEncrypted()).isTrue();
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void textNamedPdfIsPlainText() throws IOException {
        Path p = BadInputs.textAsPdf(dir.resolve("x.pdf"));
        assertThat(head(p, 5)).isNotEqualTo("%PDF-");
        assertThat(Files.readString(p)).contains("FAX");
    }

    @Test
    void pngNamedTifIsAPng() throws IOException {
        Path p = BadInputs.pngAsTif(dir.resolve("x.tif"));
        assertThat(head(p, 8)).isEqualTo("\u0089PNG\r\n\u001a\n");
        assertThat(ImageIO.read(p.toFile())).isNotNull();
    }
}
