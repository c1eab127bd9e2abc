package io.todoke.ocr.normalise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatinTermsTest {

    private static final List<String> TERMS = List.of("SpO2", "PCR", "CT");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Sp02 96%|SpO2 96%",
            "Sp0296%|SpO2 96%",
            "SpO2 96%|SpO2 96%",
            "入院時Sp02 93%、PCR陽性|入院時SpO2 93%、PCR陽性",
            "胸部C T|胸部C T",
            "XSp02|XSp02",
            "Sp02a|Sp02a",
            "酸素投与なし|酸素投与なし",
    })
    void lookAlikeSpellingsOfATermAreTheTermAndNothingElseChanges(String read, String mended) {
        assertThat(LatinTerms.mend(read, TERMS)).isEqualTo(mended);
    }
}
