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
            "0120-123-456, 0120-123-456",
            "08001234567, 0800-123-4567",
            "05012345678, 050-1234-5678",
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

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "090-633-4105, 桁数",
            "080-4705-271, 桁数",
            "0901-234-567, 桁数",
            "078-1234-5678, 桁数",
            "00-9182-8503, 市外局番",
            "0078-123-4567, 市外局番",
    })
    void phoneOutsideTheNumberingPlanIsInvalid(String raw, String problem) {
        // mobile numbers have eleven digits and fixed lines ten: a dropped digit is caught here, not accepted
        Normalised n = FieldNormaliser.normalise(FieldType.PHONE, raw);
        assertThat(n.valid()).isFalse();
        assertThat(n.problem()).contains(problem);
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
    @CsvSource({"すずき はなこ, スズキ ハナコ", "ｽｽﾞｷ ﾊﾅｺ, スズキ ハナコ", "スズキ　ハナコ, スズキ ハナコ", "ヤマダ・タロー, ヤマダ・タロー",
            "・フジイチヒロ。, フジイチヒロ", "サトー, サトー"})
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
            "鈴木 花子, 鈴木 花子",
            "鈴木　　花子, 鈴木 花子",
            "神戸市中央区加納町６－５－１, 神戸市中央区加納町6-5-1",
            "神戸市中央区楠町5丁目4番2 5号, 神戸市中央区楠町5丁目4番25号",
            "グランドール須磨4 0 7, グランドール須磨407",
            "国内 （兵庫県神戸市）, 国内(兵庫県神戸市)",
            "PCR Lab 神戸, PCR Lab 神戸",
            "ワクチン未接種ーーー, ワクチン未接種",
            "東京都 ., 東京都",
            "神戸中央クリニック「, 神戸中央クリニック",
            "「同居家族も検査予定, 同居家族も検査予定",
            "」パート従業員 。, パート従業員",
            "「発熱」あり, 「発熱」あり",
            "『はな』保育園, 『はな』保育園",
            "保育園の友人(『はな』組), 保育園の友人(『はな』組)",
    })
    void textIsNfkcWithOcrSpacesAndStrayMarksRemoved(String raw, String expected) {
        assertThat(FieldNormaliser.normalise(FieldType.TEXT, raw).value()).isEqualTo(expected);
    }

    @Test
    void blankIsEmptyNotInvalid() {
        Normalised n = FieldNormaliser.normalise(FieldType.DATE, "  ");
        assertThat(n.valid()).isTrue();
        assertThat(n.value()).isNull();
    }
}
