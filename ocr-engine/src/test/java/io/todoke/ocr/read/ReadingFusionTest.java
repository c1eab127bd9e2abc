package io.todoke.ocr.read;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingFusionTest {

    static OcrText reading(String text, double... confidences) {
        List<OcrText.Symbol> symbols = new ArrayList<>();
        String chars = text.replace(" ", "");
        double min = 1;
        for (int i = 0; i < chars.length(); i++) {
            symbols.add(new OcrText.Symbol(String.valueOf(chars.charAt(i)), confidences[i], 0, 0, 1, 1));
            min = Math.min(min, confidences[i]);
        }
        return new OcrText(text, min, symbols);
    }

    @Test
    void eachCharacterComesFromTheReadingSurerOfIt() {
        OcrText first = reading("中川 喝子", 0.99, 0.99, 0.40, 0.98);
        OcrText second = reading("中川 陽子", 0.97, 0.99, 0.92, 0.99);
        OcrText fused = ReadingFusion.fuse(first, second);
        assertThat(fused.text()).isEqualTo("中川 陽子");
        // the readings disagreed on one character: never surer than the cap there
        assertThat(fused.confidence()).isEqualTo(ReadingFusion.DISAGREEMENT_CAP);
    }

    @Test
    void agreementIsNoSurerThanTheLessSureReading() {
        OcrText first = reading("保育士", 0.99, 0.99, 0.90);
        OcrText second = reading("保育士", 0.99, 0.99, 0.995);
        OcrText fused = ReadingFusion.fuse(first, second);
        assertThat(fused.text()).isEqualTo("保育士");
        assertThat(fused.confidence()).isEqualTo(0.90);
    }

    @Test
    void readingsOfDifferentLengthsGiveTheSurerOneCapped() {
        OcrText first = reading("須育病院", 0.9, 0.13, 0.98, 0.97);
        OcrText second = reading("須磨靖病院", 0.95, 0.93, 0.91, 0.98, 0.97);
        OcrText fused = ReadingFusion.fuse(first, second);
        assertThat(fused.text()).isEqualTo("須磨靖病院");
        assertThat(fused.confidence()).isEqualTo(ReadingFusion.DISAGREEMENT_CAP);
    }

    @Test
    void anEmptySecondReadingLeavesTheFirst() {
        OcrText first = reading("無職", 0.99, 0.98);
        assertThat(ReadingFusion.fuse(first, new OcrText("", 0, List.of()))).isEqualTo(first);
    }

    @Test
    void candidatesMixTheCharactersTheReadingsDisagreeOnLikeliestFirst() {
        OcrText first = reading("中川 喝子", 0.99, 0.99, 0.40, 0.98);
        OcrText second = reading("中山 陽子", 0.97, 0.30, 0.92, 0.99);
        assertThat(ReadingFusion.candidates(first, second))
                .containsExactly("中川 陽子", "中川 喝子", "中山 陽子", "中山 喝子");
    }

    @Test
    void readingsOfDifferentLengthsAreTheOnlyCandidates() {
        OcrText first = reading("須育病院", 0.9, 0.13, 0.98, 0.97);
        OcrText second = reading("須磨靖病院", 0.95, 0.93, 0.91, 0.98, 0.97);
        assertThat(ReadingFusion.candidates(first, second)).containsExactly("須磨靖病院", "須育病院");
    }
}
