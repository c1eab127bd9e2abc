package io.todoke.ocr.read;

import io.todoke.ocr.lexicon.Lexicon;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.todoke.ocr.read.ReadingFusionTest.reading;
import static org.assertj.core.api.Assertions.assertThat;

class ReadingChoiceTest {

    private final Lexicon words = Lexicon.of(Map.of("自宅", 3000, "療養", 4000, "東京都", 4000, "東京", 3000, "者", 6000));

    @Test
    void wordsDecideWhereEveryReadingDiffers() {
        List<String> ranked = ReadingChoice.ranked(List.of(reading("自宅療佐", 0.99, 0.99, 0.99, 0.6),
                reading("自宅療華", 0.99, 0.99, 0.99, 0.7), reading("目宅療養", 0.8, 0.99, 0.99, 0.9)), words);
        assertThat(ranked.get(0)).isEqualTo("自宅療養");
        assertThat(ranked).contains("自宅療佐", "自宅療華", "目宅療養");
    }

    @Test
    void twoReadingsThatAgreeOutvoteOneThatSpellsWordsNoBetter() {
        // 東京者 spells 東京 + 者; the two readings of 都 outvote it
        List<String> ranked = ReadingChoice.ranked(List.of(reading("東京者", 0.99, 0.99, 0.93),
                reading("東京都", 0.99, 0.99, 0.9), reading("東京都", 0.99, 0.99, 0.9)), words);
        assertThat(ranked.get(0)).isEqualTo("東京都");
    }

    @Test
    void withoutALexiconTheMajorityOfEachCharacterIsShown() {
        List<String> ranked = ReadingChoice.ranked(List.of(reading("保育土", 0.9, 0.9, 0.5),
                reading("保育士", 0.9, 0.9, 0.5), reading("保育士", 0.9, 0.9, 0.5)), Lexicon.NONE);
        assertThat(ranked.get(0)).isEqualTo("保育士");
    }

    @Test
    void aReadingThatDroppedACharacterLosesToTheOthers() {
        List<String> ranked = ReadingChoice.ranked(List.of(reading("自宅療", 0.99, 0.99, 0.99),
                reading("自宅療養", 0.99, 0.99, 0.99, 0.5), reading("自宅療養", 0.99, 0.99, 0.99, 0.5)), words);
        assertThat(ranked.get(0)).isEqualTo("自宅療養");
    }

    @Test
    void onTheFirstReadingsLayoutSpacesAreKept() {
        List<String> ranked = ReadingChoice.ranked(List.of(reading("岡田 陽閉", 0.99, 0.99, 0.99, 0.5),
                reading("岡田陽翔", 0.99, 0.99, 0.99, 0.6), reading("岡田陽翔", 0.99, 0.99, 0.99, 0.6)), Lexicon.NONE);
        assertThat(ranked.get(0)).isEqualTo("岡田 陽翔");
    }

    @Test
    void aSingleReadingIsShownAsItIs() {
        assertThat(ReadingChoice.ranked(List.of(reading("自宅療佐", 0.9, 0.9, 0.9, 0.9)), words)).containsExactly("自宅療佐");
        assertThat(ReadingChoice.ranked(List.of(), words)).isEmpty();
    }
}
