package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CharacterCellsTest {

    private final GlyphMatcher glyphs = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);

    @Test
    void eachCellHoldsItsOwnCharacterKanjiKanaAndHalfWidthDigitsAlike() throws Exception {
        String text = "神戸市西区糀台12丁目コーポ六甲";
        Gray line = WordRepairTest.printedLine(text);
        CharacterCells.Cells cells = CharacterCells.cells(line, text);
        assertThat(cells.cuts()).hasSize(text.length() + 1);
        assertThat(cells.clearShare()).isGreaterThan(0.9);
        for (int k = 0; k < text.length(); k++) {
            GlyphMatcher.Shape s = GlyphMatcher.shape(ZoneReader.crop(line, cells.cuts()[k], 0,
                    cells.cuts()[k + 1] - cells.cuts()[k], line.height(), 0));
            String own = text.substring(k, k + 1);
            // the cell looks more like its own character than like its neighbours
            for (int j = Math.max(0, k - 1); j <= Math.min(text.length() - 1, k + 1); j++) {
                if (j != k && text.charAt(j) != text.charAt(k)) {
                    assertThat(glyphs.similarity(s, own)).as("cell %d (%s) against %s", k, own, text.charAt(j))
                            .isGreaterThan(glyphs.similarity(s, text.substring(j, j + 1)));
                }
            }
        }
    }

    @Test
    void theGapBetweenFamilyAndGivenNameIsNoCharactersWidth() throws Exception {
        // printed with a wide space, as names are on the form: spread evenly, every cell would straddle two characters
        String name = "上田　　　進";
        Gray line = WordRepairTest.printedLine(name);
        List<GlyphMatcher.Shape> shapes = CharacterCells.shapes(List.of(line), "上田 進");
        assertThat(shapes).hasSize(3).doesNotContainNull();
        String compact = "上田進";
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 3; j++) {
                if (j != k) {
                    assertThat(glyphs.similarity(shapes.get(k), compact.substring(k, k + 1)))
                            .as("cell %d against %s", k, compact.charAt(j))
                            .isGreaterThan(glyphs.similarity(shapes.get(k), compact.substring(j, j + 1)));
                }
            }
            assertThat(glyphs.similarity(shapes.get(k), compact.substring(k, k + 1))).isGreaterThan(0.6);
        }
    }

    @Test
    void cutsAreIncreasingAndSpanTheInk() throws Exception {
        Gray line = WordRepairTest.printedLine("灘区民診療所");
        int[] cuts = CharacterCells.cuts(line, "灘区民診療所");
        for (int k = 1; k < cuts.length; k++) {
            assertThat(cuts[k]).isGreaterThan(cuts[k - 1]);
        }
        assertThat(cuts[0]).isEqualTo(ZoneReaderInk.firstInkColumn(line));
        assertThat(cuts[cuts.length - 1]).isEqualTo(ZoneReaderInk.lastInkColumn(line) + 1);
    }

    @Test
    void aBlankLineOrNoTextHasNoCells() {
        Gray blank = new Gray(new byte[100], 10, 10);
        java.util.Arrays.fill(blank.px(), (byte) 255);
        assertThat(CharacterCells.cuts(blank, "東")).isNull();
        assertThat(CharacterCells.cells(blank, "")).isNull();
    }

    /** Ink columns of a line, found independently of the code under test. */
    static final class ZoneReaderInk {
        static int firstInkColumn(Gray g) {
            for (int x = 0; x < g.width(); x++) {
                for (int y = 0; y < g.height(); y++) {
                    if (g.get(x, y) < 128) {
                        return x;
                    }
                }
            }
            return -1;
        }

        static int lastInkColumn(Gray g) {
            for (int x = g.width() - 1; x >= 0; x--) {
                for (int y = 0; y < g.height(); y++) {
                    if (g.get(x, y) < 128) {
                        return x;
                    }
                }
            }
            return -1;
        }
    }
}
