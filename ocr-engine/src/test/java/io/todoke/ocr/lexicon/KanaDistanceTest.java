package io.todoke.ocr.lexicon;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KanaDistanceTest {

    @Test
    void aLostVoicingMarkOrASmallKanaCostsHalfAnEdit() {
        assertThat(KanaDistance.between("シミス マイ", "シミズ マイ")).isEqualTo(0.5);
        assertThat(KanaDistance.between("ハシモト", "ハジモト")).isEqualTo(0.5);
        assertThat(KanaDistance.between("キヨシ", "キョシ")).isEqualTo(0.5);
        assertThat(KanaDistance.between("コーボ", "コーポ")).isEqualTo(0.5);
    }

    @Test
    void kanaAFaxBlursIntoOneAnotherAreConfusableButOtherKanaAreNot() {
        assertThat(KanaDistance.confusable("ヤマザキ", "ヤマサキ")).isTrue();
        assertThat(KanaDistance.confusable("ナカジマ", "ナカシマ")).isTrue();
        assertThat(KanaDistance.confusable("ハットリ", "ハツトリ")).isTrue();
        assertThat(KanaDistance.confusable("シンジ", "ツンジ")).isTrue();
        assertThat(KanaDistance.confusable("ソノ", "ンノ")).isTrue();
        assertThat(KanaDistance.confusable("ヤマト", "ヤマト")).isFalse();
        assertThat(KanaDistance.confusable("ヤマト", "ダイワ")).isFalse();
        assertThat(KanaDistance.confusable("ユイナ", "ユイ")).isFalse();
        assertThat(KanaDistance.confusable("サトウ", "カトウ")).isFalse();
    }

    @Test
    void anyOtherSlipCostsOneEdit() {
        assertThat(KanaDistance.between("イケタダ", "イケダ")).isEqualTo(1.0);
        assertThat(KanaDistance.between("サトウ", "カトウ")).isEqualTo(1.0);
        assertThat(KanaDistance.between("サトウ", "サトウ")).isZero();
    }

    @Test
    void theOneReadingNearerThanAllOthersIsChosen() {
        List<String> readings = List.of("シミズ マイ", "キヨミズ マイ", "シミズ マイコ");
        assertThat(KanaDistance.onlyNear("シミス マイ", readings, 1.0)).isEqualTo("シミズ マイ");
    }

    @Test
    void nothingIsChosenWhenTwoAreEquallyNearOrNoneIsNearOrTheTextIsAReading() {
        assertThat(KanaDistance.onlyNear("カズコ", List.of("カズオ", "カズエ"), 1.0)).isNull();
        assertThat(KanaDistance.onlyNear("タナカ", List.of("ヤマモト"), 1.0)).isNull();
        assertThat(KanaDistance.onlyNear("ヤマダ", List.of("ヤマダ", "ヤマタ"), 1.0)).isNull();
    }
}
