package io.todoke.ocr.read;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.todoke.ocr.read.WordRepairTest.printedShapes;
import static org.assertj.core.api.Assertions.assertThat;

class TownChoiceTest {

    /** A few towns of two wards and of another city, as the postal code data lists them. */
    private static final Map<String, List<String>> TOWNS = Map.of(
            "神戸市北区", List.of("有馬町", "有野町", "鈴蘭台北町", "山田町小部"),
            "神戸市兵庫区", List.of("大開通", "湊川町", "荒田町", "水木通"),
            "大阪市北区", List.of("梅田", "中之島"));
    private final GlyphMatcher glyphs = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);


    @Test
    void aTownReadAsNoneOfItsWardsIsTheTownThePrintLooksLike() throws Exception {
        // 鳥 is one character from 馬 (有馬町) and from 野 (有野町) alike: the printed shape decides
        assertThat(TownChoice.choose("神戸市北区有鳥町268-8", printedShapes("神戸市北区有馬町268-8", "神戸市北区有鳥町268-8"), TOWNS,
                glyphs)).isEqualTo("神戸市北区有馬町268-8");
        assertThat(TownChoice.choose("神戸市兵庫区 人開通2丁目", printedShapes("神戸市兵庫区大開通2丁目", "神戸市兵庫区人開通2丁目"),
                TOWNS, glyphs)).isEqualTo("神戸市兵庫区 大開通2丁目");
    }

    @Test
    void aTownOfTheWardIsLeftAloneEvenWhereAnotherLooksMoreLikeThePrint() throws Exception {
        // 湊川町 is a town of 兵庫区: the reading stands, whatever the shapes say
        assertThat(TownChoice.choose("神戸市兵庫区湊川町4丁目", printedShapes("神戸市兵庫区荒田町4丁目", "神戸市兵庫区湊川町4丁目"),
                TOWNS, glyphs)).isEqualTo("神戸市兵庫区湊川町4丁目");
    }

    @Test
    void aTownTooFarFromEveryTownOfTheWardOrInAnUnlistedPlaceIsLeftAlone() throws Exception {
        // two of three characters would change: the print alone is not enough to name the town
        assertThat(TownChoice.choose("神戸市北区有居親2006番地", printedShapes("神戸市北区有馬町2006番地", "神戸市北区有居親2006番地"),
                TOWNS, glyphs)).isEqualTo("神戸市北区有居親2006番地");
        assertThat(TownChoice.choose("芦屋市大厘町2丁目", printedShapes("芦屋市大原町2丁目", "芦屋市大厘町2丁目"), TOWNS, glyphs))
                .isEqualTo("芦屋市大厘町2丁目");
        assertThat(TownChoice.choose("神戸市北区有鳥町", null, TOWNS, glyphs)).isEqualTo("神戸市北区有鳥町");
    }

    @Test
    void aTownIsKnownOnlyAfterItsOwnPlace() {
        assertThat(TownChoice.knownTown("兵庫県神戸市兵庫区 大開通 2丁目15番19号", TOWNS)).isTrue();
        assertThat(TownChoice.knownTown("大阪市北区梅田1丁目", TOWNS)).isTrue();
        assertThat(TownChoice.knownTown("神戸市北区大開通2丁目", TOWNS)).isFalse();
        assertThat(TownChoice.knownTown("神戸市兵庫区人開通2丁目", TOWNS)).isFalse();
        assertThat(TownChoice.knownTown("神戸市垂水区塩屋町", TOWNS)).isFalse();
    }

    @Test
    void aTownIsUnknownOnlyWhereItsPlaceIsListed() {
        assertThat(TownChoice.unknownTown("神戸市兵庫区潮川町4丁目17番5号", TOWNS)).isTrue();
        assertThat(TownChoice.unknownTown("神戸市北区大開通2丁目", TOWNS)).isTrue();
        assertThat(TownChoice.unknownTown("神戸市兵庫区湊川町4丁目17番5号", TOWNS)).isFalse();
        // a place the list does not have, or no place at all: nothing to check the town against
        assertThat(TownChoice.unknownTown("神戸市垂水区塩屋町7丁目", TOWNS)).isFalse();
        assertThat(TownChoice.unknownTown("有馬町1024番地", TOWNS)).isFalse();
    }
}
