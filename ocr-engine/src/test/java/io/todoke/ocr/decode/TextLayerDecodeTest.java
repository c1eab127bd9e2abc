package io.todoke.ocr.decode;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextLayerDecodeTest {

    private static final File FONT = new File("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");
    private static final float PT = 72 / 25.4f;

    /** An A4 page with {@code text} at x mm, baseline y mm (from the top), size mm; visible or not. */
    private static byte[] pdf(String text, float xMm, float baselineMm, float sizeMm, boolean visible, int rotate)
            throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setRotation(rotate);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(PDType0Font.load(doc, FONT), sizeMm * PT);
                if (!visible) {
                    cs.setRenderingMode(RenderingMode.NEITHER);
                }
                cs.newLineAtOffset(xMm * PT, PDRectangle.A4.getHeight() - baselineMm * PT);
                cs.showText(text);
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void textLayerIsDecodedGlyphByGlyphWithBoxesInPageMillimetres() throws Exception {
        DecodedPage page = new FaxDecoder().decode(pdf("令和3年", 50, 100, 4, true, 0), "pc.pdf").get(0);

        List<PlacedText> words = page.words();
        assertThat(words).extracting(PlacedText::text).containsExactly("令", "和", "3", "年");
        assertThat(words.get(0).x()).isCloseTo(50, within(0.1));
        // the full-width glyphs advance one em (4 mm) each, the digit half of that in IPA Gothic
        assertThat(words.get(1).x()).isCloseTo(54, within(0.1));
        assertThat(words.get(0).w()).isCloseTo(4, within(0.1));
        for (PlacedText w : words) {
            // the glyph's body sits above its baseline
            assertThat(w.centreY()).isBetween(96.0, 100.0);
            assertThat(w.y() + w.h()).isCloseTo(100, within(0.3));
        }
        assertThat(page.text()).contains("令和3年");
    }

    @Test
    void invisibleTextIsPartOfTheLayerToo() throws Exception {
        DecodedPage page = new FaxDecoder().decode(pdf("山田", 70, 50, 3.6f, false, 0), "pc.pdf").get(0);

        assertThat(page.words()).extracting(PlacedText::text).containsExactly("山", "田");
        assertThat(page.words().get(0).x()).isCloseTo(70, within(0.1));
    }

    @Test
    void aTurnedPageHasItsTextWhereTheRenderedImageShowsIt() throws Exception {
        // /Rotate 180: the text at (50, 100) from the unturned top-left is drawn at (210-50-width, 297-100+...)
        DecodedPage page = new FaxDecoder().decode(pdf("山", 50, 100, 4, true, 180), "pc.pdf").get(0);

        PlacedText w = page.words().get(0);
        double mmPerPx = 25.4 / page.dpiX();
        assertThat(page.image().getWidth() * mmPerPx).isCloseTo(210, within(0.5));
        assertThat(w.centreX()).isCloseTo(210 - 52, within(0.3));
        assertThat(w.centreY()).isBetween(297 - 100.0, 297 - 96.0);
        // and the rendered glyph's ink is there
        int inkX = (int) Math.round(w.centreX() / mmPerPx);
        int inkY = (int) Math.round(w.centreY() / mmPerPx);
        assertThat(darkPixelsAround(page, inkX, inkY, (int) Math.round(1.5 / mmPerPx))).isGreaterThan(20);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 90, 180, 270})
    void onAPageTurnedByItsRotateEntryEachGlyphsBoxCentresOnItsRenderedInk(int rotate) throws Exception {
        DecodedPage page = new FaxDecoder().decode(pdf("国", 50, 100, 6, true, rotate), "pc.pdf").get(0);

        PlacedText w = page.words().get(0);
        double mmPerPx = 25.4 / page.dpiX();
        // the line runs across the page for 0 and 180, down or up it for 90 and 270
        assertThat(w.w() > w.h()).isEqualTo(rotate % 180 == 0);
        int[] c = inkCentre(page, w);
        assertThat(c[0] * mmPerPx).isCloseTo(w.centreX(), within(1.2));
        assertThat(c[1] * mmPerPx).isCloseTo(w.centreY(), within(1.2));
    }

    /** Centre in pixels of the dark pixels within 6 mm of the glyph box's centre. */
    private static int[] inkCentre(DecodedPage page, PlacedText w) {
        double pxPerMm = page.dpiX() / 25.4;
        long sx = 0;
        long sy = 0;
        int n = 0;
        for (int y = (int) ((w.centreY() - 6) * pxPerMm); y < (w.centreY() + 6) * pxPerMm; y++) {
            for (int x = (int) ((w.centreX() - 6) * pxPerMm); x < (w.centreX() + 6) * pxPerMm; x++) {
                if ((page.image().getRaster().getSample(x, y, 0) & 0xFF) < 128) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        assertThat(n).as("ink near the glyph's box").isGreaterThan(30);
        return new int[] {(int) (sx / n), (int) (sy / n)};
    }

    @Test
    void aFaxPageWithoutTextHasNoLayer() throws Exception {
        DecodedPage page = new FaxDecoder().decode(io.todoke.ocr.FaxFixtures.pdf(
                List.of(io.todoke.ocr.FaxFixtures.blankPage()), 204, 196), "fax.pdf").get(0);
        assertThat(page.words()).isEmpty();
    }

    private static int darkPixelsAround(DecodedPage page, int cx, int cy, int r) {
        int n = 0;
        for (int y = cy - r; y <= cy + r; y++) {
            for (int x = cx - r; x <= cx + r; x++) {
                if ((page.image().getRaster().getSample(x, y, 0) & 0xFF) < 128) {
                    n++;
                }
            }
        }
        return n;
    }
}
