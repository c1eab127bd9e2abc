package io.todoke.ocr.normalise;

import io.todoke.ocr.template.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FieldNormaliserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "078-123-4567, 078-123-4567",
            "０７８－１２３－４５６７, 078-123-4567",
            "078ー123ー4567, 078-123-4567",
            "078一123一4567, 078-123-4567",
            "078—123—4567, 078-123-4567",
            "078‐123‐4567, 078-123-4567",
            "0781234567, 078-123-4567",
            "09012345678, 090-1234-5678",
            "0312345678, 03-1234-5678",
            "(078)123-4567, 078-123-4567",
            "0797-12-3456, 0797-12-3456",
    })
    void phonesBecomeHalfWidthWithHyphens(String raw, String expected) {
        assertThat(FieldNormaliser.normalise(FieldType.PHONE, raw).value()).isEqualTo(expected);
    }

    @Test
    void phoneWithTooFewDigitsIsInvalid() {
        Normalised n = FieldNormaliser.normalise(FieldType.PHONE, "078-123-456");
        assertThat(n.valid()).isFalse();
        assertThat(n.problem()).contains("桁数");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"45, 45", "４５, 45", "45歳, 45", "45 才, 45", "㊺, 45", "⑤, 5"})
    void integersAsWritten(String raw, long expected) {
        assertThat(FieldNormaliser.normalise(FieldType.INTEGER, raw).value()).isEqualTo(expected);
    }

    @Test
    void integerWithLettersIsInvalid() {
        assertThat(FieldNormaliser.normalise(FieldType.INTEGER, "4S").valid()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"すずき はなこ, スズキハナコ", "ｽｽﾞｷ ﾊﾅｺ, スズキハナコ", "スズキ　ハナコ, スズキハナコ", "ヤマダ・タロー, ヤマダ・タロー"})
    void kanaBecomesFullWidthKatakana(String raw, String expected) {
        Normalised n = FieldNormaliser.normalise(FieldType.KANA, raw);
        assertThat(n.valid()).isTrue();
        assertThat(n.value()).isEqualTo(expected);
    }

    @Test
    void kanaWithKanjiIsFlagged() {
        Normalised n = FieldNormaliser.normalise(FieldType.KANA, "スズキ花子");
        assertThat(n.valid()).isFalse();
        assertThat(n.problem()).contains("カタカナ");
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource({
            "鈴木 花子, 鈴木花子",
            "神戸市 中央区 加納町６－５－１, 神戸市中央区加納町6-5-1",
            "国内 （兵庫県神戸市）, 国内(兵庫県神戸市)",
            "PCR Lab 神戸, PCR Lab神戸",
    })
    void textIsNfkcWithoutOcrSpacesBetweenJapanese(String raw, String expected) {
        assertThat(FieldNormaliser.normalise(FieldType.TEXT, raw).value()).isEqualTo(expected);
    }

    @Test
    void blankIsEmptyNotInvalid() {
        Normalised n = FieldNormaliser.normalise(FieldType.DATE, "  ");
        assertThat(n.valid()).isTrue();
        assertThat(n.value()).isNull();
    }
}
