package io.todoke.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldValuesTest {

    @Test
    void typedTextIsNormalisedByTheFieldsType() {
        assertThat(FieldValues.normalise("date", "R5.3.3").value()).isEqualTo("2023-03-03");
        assertThat(FieldValues.normalise(null, "ＡＢＣ").valid()).isTrue();
        assertThat(FieldValues.normalise("date", "").value()).isNull();
    }

    @Test
    void marksAndUnknownTypesAreNotTextAndSayWhyInJapanese() {
        assertThat(FieldValues.normalise("choice", "1").problems()).containsExactly("チェック項目は文字で入力できません");
        assertThat(FieldValues.normalise("colour", "x").problems().get(0)).startsWith("不明な項目の種類です");
        assertThat(FieldValues.normalise("date", "昨日").valid()).isFalse();
        assertThat(FieldValues.isMarkType("multi_choice")).isTrue();
        assertThat(FieldValues.isMarkType("colour")).isFalse();
    }
}
