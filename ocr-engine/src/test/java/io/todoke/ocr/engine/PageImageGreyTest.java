package io.todoke.ocr.engine;

import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.PageImage;
import io.todoke.ocr.PageKind;
import io.todoke.ocr.template.FormTemplate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page image a clerk is shown: grey for a greyscale scan, 1-bit for a fax, aligned alike either way. */
class PageImageGreyTest {

    @Test
    void aGreyscaleScanIsShownInGreyAndAFaxIn1BitWithTheSameGeometry(@TempDir Path dir) throws Exception {
        FormTemplate t = FaxFixtures.template();
        BufferedImage form = FaxFixtures.filledForm(t, Map.of(), Map.of(), FaxFixtures.Mark.CHECK);
        Path file = Files.write(dir.resolve("mixed.pdf"), pdf(greyScan(form), FaxFixtures.faxImage(form, 204, 196)));

        FaxReading reading;
        try (TodokeEngine engine = new TodokeEngine(EngineConfig.defaults().withTemplates(FaxFixtures.TEMPLATES))) {
            reading = engine.read(file);
        }

        assertThat(reading.pages()).extracting(p -> p.kind()).containsExactly(PageKind.FORM, PageKind.FORM);
        PageImage grey = reading.images().get(0);
        PageImage fax = reading.images().get(1);
        BufferedImage greyPng = ImageIO.read(new ByteArrayInputStream(grey.png()));
        BufferedImage faxPng = ImageIO.read(new ByteArrayInputStream(fax.png()));
        assertThat(greyPng.getColorModel().getPixelSize()).isEqualTo(8);
        assertThat(levels(greyPng)).as("grey levels of the greyscale page").isGreaterThan(16);
        assertThat(faxPng.getColorModel().getPixelSize()).isEqualTo(1);
        assertThat(levels(faxPng)).isEqualTo(2);
        int w = (int) Math.round(t.widthMm() * FaxFixtures.PX_PER_MM);
        int h = (int) Math.round(t.heightMm() * FaxFixtures.PX_PER_MM);
        assertThat(List.of(grey.width(), grey.height(), greyPng.getWidth(), greyPng.getHeight()))
                .as("aligned to the template's frame, as the fax is").containsExactly(w, h, w, h);
        assertThat(List.of(fax.width(), fax.height())).containsExactly(w, h);
    }

    /** A scan in grey: paper a little darker than white, ink not quite black, and a shade across the page. */
    private static BufferedImage greyScan(BufferedImage page) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var src = page.getRaster();
        var dst = out.getRaster();
        for (int y = 0; y < page.getHeight(); y++) {
            int paper = 236 - 20 * y / page.getHeight();
            for (int x = 0; x < page.getWidth(); x++) {
                int v = src.getSample(x, y, 0);
                dst.setSample(x, y, 0, 45 + v * (paper - 45) / 255);
            }
        }
        return out;
    }

    private static byte[] pdf(BufferedImage greyPage, BufferedImage faxPage) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            add(doc, LosslessFactory.createFromImage(doc, greyPage), greyPage, 25.4 * FaxFixtures.PX_PER_MM,
                    25.4 * FaxFixtures.PX_PER_MM);
            add(doc, CCITTFactory.createFromImage(doc, faxPage), faxPage, 204, 196);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void add(PDDocument doc, PDImageXObject img, BufferedImage image, double dpiX, double dpiY)
            throws Exception {
        float w = (float) (image.getWidth() / dpiX * 72);
        float h = (float) (image.getHeight() / dpiY * 72);
        PDPage page = new PDPage(new PDRectangle(w, h));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(img, 0, 0, w, h);
        }
    }

    private static int levels(BufferedImage png) {
        BitSet seen = new BitSet(256);
        var r = png.getRaster();
        for (int y = 0; y < png.getHeight(); y += 3) {
            for (int x = 0; x < png.getWidth(); x += 3) {
                seen.set(png.getColorModel().getPixelSize() == 1 ? r.getSample(x, y, 0) * 255 : r.getSample(x, y, 0));
            }
        }
        return seen.cardinality();
    }
}
