package io.todoke.ocr.read;

import io.todoke.ocr.lexicon.PersonNames;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.todoke.ocr.read.WordRepairTest.printedShapes;
import static org.assertj.core.api.Assertions.assertThat;

class NameByReadingTest {

    private static final PersonNames NAMES = PersonNames.of(
            Map.of("上田", Set.of("ウエダ"), "土田", Set.of("ツチダ"), "植田", Set.of("ウエダ"), "鈴木", Set.of("スズキ")),
            Map.of("由美子", Set.of("ユミコ"), "蓮", Set.of("レン"), "運", Set.of("ハコブ"), "廉", Set.of("レン")));
    private final GlyphMatcher glyphs = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);

    @Test
    void aNameItsFuriganaDoesNotSpellIsTheNameTheFuriganaSpellsThatThePrintFits() throws Exception {
        // 土田 is ツチダ: the furigana's ウエダ spells 上田 (one character away) and 植田 (two: too far)
        assertThat(NameByReading.choose("土田 由美子", printedShapes("上田 由美子", "土田由美子"), "ウエダ ユミコ", NAMES, glyphs))
                .isEqualTo("上田 由美子");
        // レン spells 蓮 and 廉, one character each: the print chooses
        assertThat(NameByReading.choose("鈴木 運", printedShapes("鈴木 蓮", "鈴木運"), "スズキ レン", NAMES, glyphs))
                .isEqualTo("鈴木 蓮");
    }

    @Test
    void aNameItsFuriganaSpellsOrWithoutItsPartsIsLeftAsRead() throws Exception {
        assertThat(NameByReading.choose("土田 由美子", printedShapes("土田 由美子", "土田由美子"), "ツチダ ユミコ", NAMES, glyphs))
                .isEqualTo("土田 由美子");
        // the furigana without its space cannot be matched part by part
        assertThat(NameByReading.choose("土田 由美子", printedShapes("上田 由美子", "土田由美子"), "ウエダユミコ", NAMES, glyphs))
                .isEqualTo("土田 由美子");
        // a reading no known name has
        assertThat(NameByReading.choose("土田 由美子", printedShapes("上田 由美子", "土田由美子"), "ウエタ ユミコ", NAMES, glyphs))
                .isEqualTo("土田 由美子");
    }
}
