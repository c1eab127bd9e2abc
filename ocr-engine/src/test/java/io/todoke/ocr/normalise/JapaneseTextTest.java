package io.todoke.ocr.normalise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class JapaneseTextTest {

    /** Misreadings all three readings of a benchmark set made alike (三 as a colon, 戸 as P, a speck as a stop). */
    @ParameterizedTest
    @ValueSource(strings = {":宮駅前内科クリニック", "職場内での接触:", "神P市内", "家族内感染.(同居家族より)", "神戸市内,",
            "飲食店.での会食", "-国内"})
    void aMarkThatWritingDoesNotHaveIsStray(String text) {
        assertThat(JapaneseText.hasStrayMark(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"三宮駅前内科クリニック", "基礎疾患:高血圧", "SpO2 96%", "家族内感染(同居家族より)",
            "ヤマダ タロウ", "神戸市中央区加納町6丁目5番1号 シャトー岡本901", "神戸市中央区加納町6-5-1", "国内(兵庫県神戸市)",
            "PCR検査", "胸部CT", "発熱、咳", "パート従業員", ""})
    void writingAsItIsWrittenHasNoStrayMark(String text) {
        assertThat(JapaneseText.hasStrayMark(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"基礎疾患 高血圧", "神戸 市内", "同居家族も 検査予定"})
    void aSpaceBetweenJapaneseCharactersIsAGap(String text) {
        assertThat(JapaneseText.hasGapInside(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"基礎疾患:高血圧", "SpO2 96%", "ワクチン2回接種済", "妊娠中 (20週)",
            "神戸市内 ", " 神戸市内", "3 名", ""})
    void noSpaceBetweenJapaneseCharactersIsNoGap(String text) {
        assertThat(JapaneseText.hasGapInside(text)).isFalse();
    }
}
