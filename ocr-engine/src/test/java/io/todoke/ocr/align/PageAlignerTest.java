package io.todoke.ocr.align;

import io.todoke.ocr.image.Gray;

import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.decode.FaxDecoder;
import io.todoke.ocr.decode.PageRaster;
import io.todoke.ocr.template.FormTemplate;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PageAlignerTest {

    private static final double PX = FaxFixtures.PX_PER_MM;
    private final FormTemplate template = FaxFixtures.template();
    private final BufferedImage form = FaxFixtures.filledForm(template, Map.of("patient_name", "鈴木 花子"), Map.of(),
            FaxFixtures.Mark.CHECK);

    /** The page as the engine would get it from a standard-mode fax. */
    private Gray throughFax(BufferedImage page) throws Exception {
        byte[] tiff = FaxFixtures.tiff(List.of(page), 204, 98);
        return Gray.of(PageRaster.toWorking(new FaxDecoder().decode(tiff, "t.tif").get(0), PX));
    }

    @Test
    void skewIsMeasuredAndCorrected() throws Exception {
        Gray skewed = throughFax(FaxFixtures.rotate(form, 2.5));
        PageAligner.Cleaned cleaned = PageAligner.clean(skewed, PX);
        assertThat(Math.abs(cleaned.skewDeg())).isCloseTo(2.5, within(0.2));
        AlignedPage aligned = PageAligner.align(cleaned, template, PX);
        assertThat(aligned.score()).isGreaterThan(0.9);
        assertThat(aligned.rotation()).isZero();
    }

    @Test
    void upsideDownPageIsTurnedAndRegistered() throws Exception {
        Gray turned = throughFax(FaxFixtures.rotate(form, 180));
        AlignedPage aligned = PageAligner.align(PageAligner.clean(turned, PX), template, PX);
        assertThat(aligned.rotation()).isEqualTo(180);
        assertThat(aligned.score()).isGreaterThan(0.9);
    }

    @Test
    void shiftedAndScaledPageLandsOnTheTemplatesCells() throws Exception {
        // a page printed slightly shrunk and off-centre, as fax machines do
        BufferedImage moved = new BufferedImage(form.getWidth(), form.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = moved.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, moved.getWidth(), moved.getHeight());
        g.drawImage(form, 40, 70, (int) (form.getWidth() * 0.97), (int) (form.getHeight() * 0.97), null);
        g.dispose();
        AlignedPage aligned = PageAligner.align(PageAligner.clean(throughFax(moved), PX), template, PX);
        // thinner lines after shrinking lose some pixels in the fax, so a little less of the ruling is found
        assertThat(aligned.score()).isGreaterThan(0.8);
        // the birth-date cell's top border is where the template has it (y = 110 mm)
        int y = (int) Math.round(110 * PX);
        int x = (int) Math.round(117 * PX);
        boolean lineNear = false;
        for (int d = -3; d <= 3; d++) {
            lineNear |= aligned.ink().get(x, y + d) != 0;
        }
        assertThat(lineNear).isTrue();
    }

    @Test
    void pageWithoutTheFormsRulingDoesNotAlign() throws Exception {
        Gray cover = throughFax(FaxFixtures.coverPage());
        AlignedPage aligned = PageAligner.align(PageAligner.clean(cover, PX), template, PX);
        assertThat(aligned.score()).isLessThan(template.thresholds().alignment());
    }

    @Test
    void specksAreRemovedButLinesKept() {
        byte[] px = new byte[100 * 100];
        java.util.Arrays.fill(px, (byte) 255);
        px[50 * 100 + 50] = 0;
        for (int x = 10; x < 90; x++) {
            px[20 * 100 + x] = 0;
        }
        Gray g = new Gray(px, 100, 100);
        Gray[] clean = Cleaning.despeckle(g, Cleaning.binarise(g), 4);
        assertThat(clean[0].get(50, 50)).isEqualTo(255);
        assertThat(clean[0].get(40, 20)).isZero();
    }
}
