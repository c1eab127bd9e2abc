package io.todoke.ocr.read;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.todoke.ocr.read.WordRepairTest.printedShapes;
import static org.assertj.core.api.Assertions.assertThat;

class VocabularyChoiceTest {

    private static final List<String> OCCUPATIONS = List.of("会社員", "保育士", "看護師", "介護職員", "大学生", "小学生");
    private final GlyphMatcher glyphs = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);


    @Test
    void aReadingOneCharacterFromAUsualWordIsThatWord() throws Exception {
        assertThat(VocabularyChoice.choose("保育十", printedShapes("保育士", "保育十"), OCCUPATIONS, glyphs)).isEqualTo("保育士");
        assertThat(VocabularyChoice.choose("名護師", printedShapes("看護師", "名護師"), OCCUPATIONS, glyphs)).isEqualTo("看護師");
    }

    @Test
    void amongWordsAsNearThePrintChooses() throws Exception {
        // 人学生 is one character from 大学生 and from 小学生 alike
        assertThat(VocabularyChoice.choose("人学生", printedShapes("大学生", "人学生"), OCCUPATIONS, glyphs)).isEqualTo("大学生");
        assertThat(VocabularyChoice.choose("人学生", printedShapes("小学生", "人学生"), OCCUPATIONS, glyphs)).isEqualTo("小学生");
    }

    @Test
    void aWordAnotherTextOrAPrintThatClearlyDisagreesIsLeftAlone() throws Exception {
        assertThat(VocabularyChoice.choose("看護師", printedShapes("看護師", "看護師"), OCCUPATIONS, glyphs)).isEqualTo("看護師");
        assertThat(VocabularyChoice.choose("漁師", printedShapes("漁師", "漁師"), OCCUPATIONS, glyphs)).isEqualTo("漁師");
        // 会社役 is one character from 会社員, but the page says 役, which looks nothing like 員
        assertThat(VocabularyChoice.choose("会社役", printedShapes("会社役", "会社役"), OCCUPATIONS, glyphs)).isEqualTo("会社役");
        assertThat(VocabularyChoice.choose("保育十", null, OCCUPATIONS, glyphs)).isEqualTo("保育十");
    }
}
