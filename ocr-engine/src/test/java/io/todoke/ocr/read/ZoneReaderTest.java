package io.todoke.ocr.read;

import io.todoke.ocr.align.Cleaning;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.OcrSettings;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneReaderTest {

    private static Gray canvas(int w, int h) {
        byte[] px = new byte[w * h];
        Arrays.fill(px, (byte) 255);
        return new Gray(px, w, h);
    }

    private static void fill(Gray g, int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                g.px()[y * g.width() + x] = 0;
            }
        }
    }

    @Test
    void aDatesFirstReadingLeavesOutTheAlternativesWhichTheSameReadingAgainBringsWithTheSameText() {
        double pxPerMm = 8;
        Gray page = TesseractEngineTest.text("令和3年6月22日", 24);
        MmBox all = new MmBox(0, 0, page.width() / pxPerMm, page.height() / pxPerMm);
        OcrSettings date = new OcrSettings("jpn", 7, "0123456789令和年月日", 1.5, 1.0, Map.of("1", List.of("7")), "");
        try (TesseractEngine engine = new TesseractEngine(EngineConfig.DEFAULT_TESSDATA)) {
            ZoneText z = ZoneReader.read(engine, page, Cleaning.binarise(page), all, pxPerMm, date, 0.001);
            assertThat(z.alternatives()).isFalse();
            // each character's only choice is itself
            assertThat(z.reading().symbols()).isNotEmpty().allSatisfy(s -> assertThat(s.choices())
                    .allMatch(c -> c.text().equals(s.text())));

            ZoneText again = ZoneReader.withAlternatives(engine, z);
            assertThat(again.alternatives()).isTrue();
            assertThat(again.reading().text()).isEqualTo(z.reading().text());
            assertThat(again.reading().confidence()).isEqualTo(z.reading().confidence());
            assertThat(again.reading().symbols()).anySatisfy(s -> assertThat(s.choices())
                    .anyMatch(c -> !c.text().equals(s.text())));
            assertThat(ZoneReader.withAlternatives(engine, again)).isSameAs(again);

            // a text field has no confusions to choose among: its first reading is complete as it is
            OcrSettings text = new OcrSettings("jpn", 7, "", 1.5);
            ZoneText plain = ZoneReader.read(engine, page, Cleaning.binarise(page), all, pxPerMm, text, 0.001);
            assertThat(plain.alternatives()).isTrue();
            assertThat(ZoneReader.withAlternatives(engine, plain)).isSameAs(plain);
        }
    }

    @Test
    void strayInkFarFromTheWritingIsDropped() {
        Gray g = canvas(400, 60);
        fill(g, 10, 10, 120, 30);   // the writing
        fill(g, 350, 30, 3, 2);     // a speck 27 mm away
        Gray clean = ZoneReader.dropStrays(g, 8);
        assertThat(clean.get(351, 31)).isEqualTo(255);
        assertThat(clean.get(50, 20)).isZero();
        assertThat(ZoneReader.trim(clean).width()).isEqualTo(120 + 24);
    }

    @Test
    void aSpeckUnderTheWrittenLineIsDropped() {
        Gray g = canvas(200, 80);
        fill(g, 10, 10, 110, 28);    // 介護職員, 3.5 mm high
        fill(g, 60, 52, 2, 2);       // fax noise 1.75 mm below it, within the writing's columns
        Gray clean = ZoneReader.dropStrays(g, 8);
        assertThat(clean.get(60, 52)).isEqualTo(255);
        assertThat(ZoneReader.trim(clean).height()).isEqualTo(28 + 24);
    }

    @Test
    void aLoneDigitWrappedOntoASecondLineIsKept() {
        Gray g = canvas(620, 80);
        fill(g, 10, 10, 600, 28);    // 神戸市兵庫区荒田町7丁目17番15号 ハイツ垂水30: far more ink than the 9
        fill(g, 10, 48, 2, 24);      // 9, alone on the next line: thin strokes, less ink than a 25th of the line's
        fill(g, 16, 48, 2, 24);
        Gray clean = ZoneReader.dropStrays(g, 8);
        assertThat(clean.get(10, 60)).isZero();
        assertThat(ZoneReader.lines(clean, 8)).hasSize(2);
    }

    @Test
    void theStrokesOfALoneThreeAreKept() {
        Gray g = canvas(100, 60);
        fill(g, 10, 10, 30, 3);      // 三 alone: its strokes are rows of ink over a millimetre apart
        fill(g, 12, 22, 26, 3);
        fill(g, 8, 34, 34, 3);
        Gray clean = ZoneReader.dropStrays(g, 8);
        assertThat(clean.get(20, 11)).isZero();
        assertThat(clean.get(20, 23)).isZero();
        assertThat(clean.get(20, 35)).isZero();
    }

    /** A page 40 x 20 mm with a cell from y 1 to 11 mm (border at 11 mm) and the zone inset 0.8 mm in it. */
    private static final MmBox ZONE = new MmBox(1, 1, 38, 10).inset(0.8);

    private static Gray pageWithCellBorder() {
        Gray page = canvas(320, 160);
        fill(page, 0, 88, 320, 2);       // the cell's bottom border at 11 mm
        return page;
    }

    @Test
    void aSecondLinePrintedOverTheCellsBorderIsFollowedBelowTheZone() {
        Gray page = pageWithCellBorder();
        fill(page, 20, 66, 3, 28);       // two strokes of "04" on the wrapped line: from inside the zone, across the
        fill(page, 40, 66, 3, 28);       // border, 0.5 mm below it
        fill(page, 200, 84, 10, 3);      // other writing below the zone, in other columns
        Gray zone = ZoneReader.writing(page, page, ZONE, 8);
        Gray followed = ZoneReader.overflowing(zone, page, ZONE, 8);
        int below = followed.height() - zone.height();
        assertThat(below).as("rows followed below the zone").isBetween(10, 12);
        int x0 = 14;                     // the zone's left edge on the page
        assertThat(followed.get(21 - x0, followed.height() - 1)).isLessThan(128);
        // the border itself is left out, and so is the next cell's writing
        int border = zone.height() + 88 - 82;
        assertThat(followed.get(21 - x0, border)).isEqualTo(255);
        assertThat(followed.get(41 - x0, border)).isEqualTo(255);
        assertThat(followed.get(41 - x0, border - 1)).isLessThan(128);
        assertThat(followed.get(205 - x0, zone.height() + 3)).isEqualTo(255);
    }

    @Test
    void aSpeckOrARuleSliverAtTheZonesEdgeIsNotFollowed() {
        Gray page = pageWithCellBorder();
        fill(page, 100, 79, 2, 2);       // a speck at the zone's bottom edge, not going on below it
        fill(page, 300, 10, 2, 80);      // a sliver of a vertical rule down the zone to the border
        Gray zone = ZoneReader.writing(page, page, ZONE, 8);
        assertThat(ZoneReader.overflowing(zone, page, ZONE, 8).height()).isEqualTo(zone.height());
    }

    @Test
    void aLoneSmallCharacterIsKept() {
        Gray g = canvas(200, 60);
        fill(g, 90, 15, 4, 28);      // a "1"
        Gray clean = ZoneReader.dropStrays(g, 8);
        assertThat(clean.get(91, 20)).isZero();
    }

    @Test
    void writingWrappedOntoTwoLinesIsCutIntoTwoLines() {
        Gray g = canvas(300, 80);
        fill(g, 10, 10, 250, 24);    // "078-694-7": a 3 mm line
        fill(g, 10, 38, 60, 24);     // "323", 0.5 mm below
        java.util.List<Gray> lines = ZoneReader.lines(g, 8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).width()).isEqualTo(250 + 24);
        assertThat(lines.get(1).width()).isEqualTo(60 + 24);
    }

    @Test
    void strokesOfOneCharacterAreNotLines() {
        Gray g = canvas(100, 60);
        fill(g, 10, 10, 30, 3);      // 三: three strokes with gaps between them
        fill(g, 12, 22, 26, 3);
        fill(g, 8, 34, 34, 3);
        assertThat(ZoneReader.lines(g, 8)).hasSize(1);
    }

    @Test
    void theWritingMaskIsWidenedToKeepTheGreyEdgeOfStrokes() {
        Gray mask = canvas(20, 20);
        java.util.Arrays.fill(mask.px(), (byte) 0);
        mask.px()[10 * 20 + 10] = (byte) 255;
        Gray wide = ZoneReader.widened(mask, 0, 0, 20, 20);
        assertThat(wide.get(12, 12)).isEqualTo(255);
        assertThat(wide.get(13, 10)).isZero();
    }
}
