package io.todoke.ocr.read;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.todoke.ocr.read.WordRepairTest.printedShapes;
import static org.assertj.core.api.Assertions.assertThat;

class PlaceChoiceTest {

    private static final Map<String, List<String>> KOBE = Map.of("神戸市",
            List.of("東灘区", "灘区", "中央区", "兵庫区", "北区", "長田区", "須磨区", "垂水区", "西区"));
    private final GlyphMatcher glyphs = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);


    @Test
    void aWardReadAsNoWardOfTheCityIsTheWardThePrintLooksLike() throws Exception {
        // 旧 is one character from 灘, 北 and 西 alike: the printed shape decides
        assertThat(PlaceChoice.choose("神戸市旧区桜口町6丁目", printedShapes("神戸市灘区桜口町6丁目", "神戸市旧区桜口町6丁目"), KOBE, glyphs))
                .isEqualTo("神戸市灘区桜口町6丁目");
        assertThat(PlaceChoice.choose("神戸市旧区桜口町6丁目", printedShapes("神戸市北区桜口町6丁目", "神戸市旧区桜口町6丁目"), KOBE, glyphs))
                .isEqualTo("神戸市北区桜口町6丁目");
    }

    @Test
    void theWardFewestCharactersAwayComesFirst() throws Exception {
        // 亭灘区 is 東灘区: a character read (灘) outweighs the shapes, even on a page where cells look like 中央
        assertThat(PlaceChoice.choose("神戸市 亭灘区 岡本", printedShapes("神戸市中央区岡本", "神戸市亭灘区岡本"), KOBE, glyphs))
                .isEqualTo("神戸市 東灘区 岡本");
    }

    @Test
    void aWardOfTheCityAnotherCityOrNoShapesAreLeftAlone() throws Exception {
        assertThat(PlaceChoice.choose("神戸市西区糀台", printedShapes("神戸市灘区糀台", "神戸市西区糀台"), KOBE, glyphs))
                .isEqualTo("神戸市西区糀台");
        assertThat(PlaceChoice.choose("大阪市旧区梅田", printedShapes("大阪市北区梅田", "大阪市旧区梅田"), KOBE, glyphs))
                .isEqualTo("大阪市旧区梅田");
        assertThat(PlaceChoice.choose("神戸市旧区", null, KOBE, glyphs)).isEqualTo("神戸市旧区");
    }
}
