package io.todoke.ocr.lexicon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNamesTest {

    @Test
    void ipadicNameEntriesAreReadWithTheirReadings(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("Noun.name.csv");
        Charset euc = Charset.forName("EUC-JP");
        Files.write(csv, List.of(
                "中川,1290,1290,8000,名詞,固有名詞,人名,姓,*,*,中川,ナカガワ,ナカガワ",
                "陽子,1291,1291,8000,名詞,固有名詞,人名,名,*,*,陽子,ヨウコ,ヨーコ",
                "陽子,1291,1291,8000,名詞,固有名詞,人名,名,*,*,陽子,ハルコ,ハルコ",
                "神戸,1293,1293,8000,名詞,固有名詞,地域,一般,*,*,神戸,コウベ,コーベ"), euc);
        PersonNames names = PersonNames.load(csv, euc);
        assertThat(names.known("中川 陽子")).isTrue();
        assertThat(names.known("中川陽子")).isTrue();
        assertThat(names.known("中川 喝子")).isFalse();
        assertThat(names.known("神戸 陽子")).as("a place is not a family name").isFalse();
        assertThat(names.readings("中川 陽子")).containsExactlyInAnyOrder("ナカガワ ヨウコ", "ナカガワ ハルコ");
    }

    @Test
    void aMissingDictionaryMeansNoneRatherThanAFailure(@TempDir Path dir) {
        PersonNames names = PersonNames.load(dir.resolve("absent.csv"), StandardCharsets.UTF_8);
        assertThat(names.isEmpty()).isTrue();
        assertThat(names.known("中川 陽子")).isFalse();
    }

    @Test
    void onlyAFamilyNameFollowedByAGivenNameIsKnown() {
        PersonNames names = PersonNames.of(Map.of("山本", Set.of("ヤマモト")), Map.of("美咲", Set.of("ミサキ")));
        assertThat(names.known("山本 美咲")).isTrue();
        assertThat(names.known("美咲 山本")).isFalse();
        assertThat(names.known("山本")).isFalse();
    }

    @Test
    void namesOneCharacterAwayAreThoseDifferingInExactlyOneCharacterOfTheSameKind() {
        PersonNames names = PersonNames.of(Map.of("山本", Set.of("ヤマモト"), "岡本", Set.of("オカモト"), "山田", Set.of("ヤマダ"),
                        "本山", Set.of("モトヤマ")),
                Map.of("千尋", Set.of("チヒロ"), "千春", Set.of("チハル"), "山本", Set.of("ヤマモト")));
        assertThat(names.oneCharacterAway("山木", true)).containsExactlyInAnyOrder("山本", "山田");
        assertThat(names.oneCharacterAway("山本", true)).containsExactlyInAnyOrder("岡本", "山田");
        assertThat(names.oneCharacterAway("千届", false)).containsExactlyInAnyOrder("千尋", "千春");
        assertThat(names.oneCharacterAway("千届子", false)).isEmpty();
    }

    @Test
    void namesSpelledByAReadingAreThoseOfTheSameKindWithThatReading() {
        PersonNames names = PersonNames.of(Map.of("上田", Set.of("ウエダ"), "植田", Set.of("ウエダ", "ウエタ"), "土田", Set.of("ツチダ")),
                Map.of("上田", Set.of("ウエダ")));
        assertThat(names.spelledAs("ウエダ", true)).containsExactlyInAnyOrder("上田", "植田");
        assertThat(names.spelledAs("ウエタ", true)).containsExactly("植田");
        assertThat(names.spelledAs("ウエダ", false)).containsExactly("上田");
        assertThat(names.spelledAs("ツチタ", true)).isEmpty();
    }
}
