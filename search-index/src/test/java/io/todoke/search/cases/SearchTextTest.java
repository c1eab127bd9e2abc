package io.todoke.search.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void readingsInHiraganaKatakanaAndHalfWidthNormaliseToTheSameKatakana() {
        assertThat(SearchText.normalize("やまだ たろう")).isEqualTo("ヤマダタロウ");
        assertThat(SearchText.normalize("ヤマダ　タロウ")).isEqualTo("ヤマダタロウ");
        assertThat(SearchText.normalize("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo("ヤマダタロウ");
        assertThat(SearchText.normalize("ｶﾞｯｺｳ")).isEqualTo("ガッコウ");
    }

    @Test
    void fullWidthDigitsAndLatinLettersFoldToHalfWidthLowerCase() {
        assertThat(SearchText.normalize("西区１－２　ＡＢＣ")).isEqualTo("西区1-2abc");
    }

    @Test
    void suffixesMakeEverySubstringAPrefix() {
        assertThat(SearchText.suffixes("山田太郎")).containsExactly("山田太郎", "田太郎", "太郎", "郎");
    }

    @Test
    void phoneDigitsIgnoreHyphensAndWidth() {
        assertThat(SearchText.digits("０７８－１２３－４５６７")).isEqualTo("0781234567");
        assertThat(SearchText.isPhoneLike("078-123")).isTrue();
        assertThat(SearchText.isPhoneLike("西区")).isFalse();
    }

    @Test
    void highlightMarksTheOriginalCharactersOfANormalisedMatch() {
        assertThat(SearchText.highlight("ﾔﾏﾀﾞ ﾀﾛｳ", List.of("ヤマダ"))).isEqualTo("<em>ﾔﾏﾀﾞ</em> ﾀﾛｳ");
        assertThat(SearchText.highlight("山田 太郎", List.of("田太"))).isEqualTo("山<em>田 太</em>郎");
        assertThat(SearchText.highlight("<山田>", List.of("山田"))).isEqualTo("&lt;<em>山田</em>&gt;");
        assertThat(SearchText.highlight("山田太郎", List.of("鈴木"))).isNull();
        assertThat(SearchText.highlightDigits("078-123-4567", List.of("1234567"))).isEqualTo("078-<em>123-4567</em>");
    }

    @Test
    void queryTermsSplitOnAnyWhiteSpace() {
        assertThat(SearchText.terms(" 山田　西区  ")).containsExactly("山田", "西区");
        assertThat(SearchText.terms("   ")).isEmpty();
    }
}
