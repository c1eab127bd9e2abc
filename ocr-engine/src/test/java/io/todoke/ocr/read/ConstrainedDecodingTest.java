package io.todoke.ocr.read;

import io.todoke.ocr.normalise.JapaneseDates;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class ConstrainedDecodingTest {

    private static final Predicate<String> IS_DATE = raw -> JapaneseDates.normalise(raw).valid();

    /** A reading whose characters have the given alternatives: "7:7=0.88,/=0.80" is a 7 with a close slash. */
    static OcrText reading(String text, String... alternatives) {
        List<OcrText.Symbol> symbols = new ArrayList<>();
        int k = 0;
        for (char c : text.replace(" ", "").toCharArray()) {
            List<OcrText.Choice> choices = new ArrayList<>();
            if (k < alternatives.length && alternatives[k].startsWith(c + ":")) {
                for (String choice : alternatives[k].substring(2).split(",")) {
                    String[] p = choice.split("=");
                    choices.add(new OcrText.Choice(p[0], Double.parseDouble(p[1])));
                }
                k++;
            }
            symbols.add(new OcrText.Symbol(String.valueOf(c), 0.95, 0, 0, 1, 1, choices));
        }
        return new OcrText(text, 0.95, symbols);
    }

    @Test
    void aSlashReadAsSevenIsRestoredFromTheRecognisersSecondChoice() {
        OcrText r = reading("202173/20", "7:7=0.88,/=0.80");
        Optional<ConstrainedDecoding.Candidate> c = ConstrainedDecoding.best(r, Map.of(), IS_DATE, 100);
        assertThat(c).isPresent();
        assertThat(c.get().text()).isEqualTo("2021/3/20");
        assertThat(c.get().corrected()).isTrue();
        assertThat(c.get().confidence()).isEqualTo(0.80);
    }

    @Test
    void aReadingTheFormatAcceptsIsKeptAsItIs() {
        OcrText r = reading("2021/7/20", "7:7=0.88,/=0.80");
        ConstrainedDecoding.Candidate c = ConstrainedDecoding.best(r, Map.of(), IS_DATE, 100).orElseThrow();
        assertThat(c.text()).isEqualTo("2021/7/20");
        assertThat(c.corrected()).isFalse();
        assertThat(c.confidence()).isEqualTo(0.95);
    }

    @Test
    void knownConfusionsAreTriedWhenTheRecogniserOffersNothingBetter() {
        OcrText r = reading("2021和6月2日");
        assertThat(ConstrainedDecoding.best(r, Map.of(), IS_DATE, 100)).isEmpty();
        ConstrainedDecoding.Candidate c = ConstrainedDecoding.best(r, Map.of("和", List.of("年")), IS_DATE, 100).orElseThrow();
        assertThat(c.text()).isEqualTo("2021年6月2日");
        assertThat(c.confidence()).isEqualTo(ConstrainedDecoding.CONFUSION_CONFIDENCE);
    }

    @Test
    void theCheapestAcceptableCandidateWins() {
        // both 9 -> 0 and 9 -> 4 give valid years; the recogniser thought 0 far likelier
        OcrText r = reading("2029年6月5日", "2:2=0.9", "0:0=0.9", "2:2=0.9", "9:9=0.6,0=0.5,4=0.1");
        Predicate<String> recent = raw -> IS_DATE.test(raw) && !raw.startsWith("2029");
        assertThat(ConstrainedDecoding.best(r, Map.of(), recent, 100).orElseThrow().text()).isEqualTo("2020年6月5日");
    }

    @Test
    void nothingIsInventedBeyondTheBudget() {
        OcrText r = reading("abc");
        assertThat(ConstrainedDecoding.best(r, Map.of(), IS_DATE, 50)).isEmpty();
    }

    @Test
    void aClosingDayMarkReadAsTwoOnesIsRestoredButNeverAccepted() {
        OcrText day = ConstrainedDecoding.dayMarkReadAsOnes(reading("令和4年11月1611."));
        assertThat(day.text()).isEqualTo("令和4年11月16日");
        ConstrainedDecoding.Candidate c = ConstrainedDecoding.best(day, Map.of(), IS_DATE, 100).orElseThrow();
        assertThat(c.text()).isEqualTo("令和4年11月16日");
        assertThat(c.confidence()).isLessThanOrEqualTo(ConstrainedDecoding.CONFUSION_CONFIDENCE);

        // with the era's 年 read as 和 too: both repairs together
        OcrText both = ConstrainedDecoding.dayMarkReadAsOnes(reading("1994和3月2211"));
        assertThat(ConstrainedDecoding.best(both, Map.of("和", List.of("年")), IS_DATE, 100).orElseThrow().text())
                .isEqualTo("1994年3月22日");
    }

    @Test
    void onesThatAreTheDayItselfAreLeftAlone() {
        assertThat(ConstrainedDecoding.dayMarkReadAsOnes(reading("2021/3/11"))).isNull();
        assertThat(ConstrainedDecoding.dayMarkReadAsOnes(reading("令和3年3月11日"))).isNull();
        assertThat(ConstrainedDecoding.dayMarkReadAsOnes(reading("令和3年3月11"))).isNull();
    }
}
