package io.todoke.ocr.decode;

import io.todoke.ocr.DecodeLimits;
import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.UnreadableFaxException;
import io.todoke.ocr.UnreadableFaxException.Reason;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaxDecoderTest {

    private final FaxDecoder decoder = new FaxDecoder();
    private final BufferedImage form = FaxFixtures.filledForm(FaxFixtures.template(), java.util.Map.of(), java.util.Map.of(),
            FaxFixtures.Mark.CHECK);

    @Test
    void standardFaxTiffKeepsItsNonSquareResolutionAndIsStretchedBack() throws Exception {
        byte[] tiff = FaxFixtures.tiff(List.of(form, form), 204, 98);
        List<DecodedPage> pages = decoder.decode(tiff, "fax.tif");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).dpiX()).isCloseTo(204, org.assertj.core.data.Offset.offset(0.01));
        assertThat(pages.get(0).dpiY()).isCloseTo(98, org.assertj.core.data.Offset.offset(0.01));
        BufferedImage working = PageRaster.toWorking(pages.get(0), 8);
        // back to A4 proportions at 8 px/mm: 210 x 297 mm
        assertThat(working.getWidth()).isBetween(1675, 1685);
        assertThat(working.getHeight()).isBetween(2370, 2382);
    }

    @Test
    void faxPdfUsesTheEmbeddedImagesTrueResolution() throws Exception {
        byte[] pdf = FaxFixtures.pdf(List.of(form), 204, 98);
        DecodedPage page = decoder.decode(pdf, "fax.pdf").get(0);
        assertThat(page.dpiX()).isCloseTo(204, org.assertj.core.data.Offset.offset(0.5));
        assertThat(page.dpiY()).isCloseTo(98, org.assertj.core.data.Offset.offset(0.5));
        assertThat(page.image().getHeight()).isLessThan(page.image().getWidth() * 297 / 210 * 3 / 4);
    }

    @Test
    void pngWithoutResolutionIsTakenAsA4Wide() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(form, "png", png);
        DecodedPage page = decoder.decode(png.toByteArray(), "scan.png").get(0);
        assertThat(page.dpiX()).isCloseTo(8 * 25.4, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void contentDecidesTheTypeNotTheName() throws Exception {
        byte[] tiff = FaxFixtures.tiff(List.of(form), 204, 196);
        assertThat(decoder.decode(tiff, "looks-like.pdf")).hasSize(1);
        assertThatThrownBy(() -> decoder.decode("hello, not a fax".getBytes(), "fax.pdf"))
                .isInstanceOfSatisfying(UnreadableFaxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE));
    }

    @Test
    void emptyFileIsUnreadable(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        assertThatThrownBy(() -> decoder.decode(empty))
                .isInstanceOfSatisfying(UnreadableFaxException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.EMPTY);
                    assertThat(e.getMessage()).isEqualTo("empty file").doesNotContain("empty.pdf");
                });
    }

    @Test
    void truncatedPdfIsCorrupt() {
        byte[] pdf = FaxFixtures.pdf(List.of(form), 204, 98);
        byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length / 3);
        assertThatThrownBy(() -> decoder.decode(cut, "cut.pdf"))
                .isInstanceOfSatisfying(UnreadableFaxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void passwordProtectedPdfIsEncrypted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            doc.save(out);
        }
        assertThatThrownBy(() -> decoder.decode(out.toByteArray(), "secret.pdf"))
                .isInstanceOfSatisfying(UnreadableFaxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED));
    }

    @Test
    void tooManyPagesIsRefused() {
        byte[] tiff = FaxFixtures.tiff(List.of(form, form, form), 204, 98);
        assertThatThrownBy(() -> new FaxDecoder(DecodeLimits.DEFAULTS.withMaxPages(2)).decode(tiff, "long.tif"))
                .isInstanceOfSatisfying(UnreadableFaxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PAGES));
    }

    @Test
    void tooLargeFileIsRefusedBeforeDecoding(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("big.tif"), FaxFixtures.tiff(List.of(form), 204, 98));
        assertThatThrownBy(() -> new FaxDecoder(DecodeLimits.DEFAULTS.withMaxBytes(100)).decode(f))
                .isInstanceOfSatisfying(UnreadableFaxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }
}
