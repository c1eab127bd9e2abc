package io.todoke.ocr.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.todoke.ocr.lexicon.PersonNames;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FuriganaStepsTest {

    private static final PersonNames NAMES = PersonNames.of(
            Map.of("橋本", Set.of("ハシモト"), "田中", Set.of("タナカ")),
            Map.of("久美子", Set.of("クミコ"), "久美", Set.of("クミ"), "恵子", Set.of("ケイコ")));

    @Test
    void furiganaThatIsAnotherNamesReadingIsNotShortenedToFitTheName() {
        // 久美子 read as 久美: the furigana クミコ, read right, is a name's reading in its own right
        assertThat(FuriganaByName.otherNamesReading(NAMES, "ハシモト クミコ", "ハシモト クミ")).isTrue();
    }

    @Test
    void furiganaIsTheSoleReadingOfItsKindOnlyWhereNoOtherReadingOfTheNameIsAVoicingMarkAway() {
        assertThat(FuriganaAgreementNeedsName.soleReadingOfItsKind(Set.of("ハシモト クミコ"), "ハシモト クミコ")).isTrue();
        assertThat(FuriganaAgreementNeedsName.soleReadingOfItsKind(Set.of("ハシモト クミコ"), "ハシモトクミコ")).isTrue();
        // 山崎 reads ヤマザキ and ヤマサキ: a fax that blurred the mark leaves no way to tell
        assertThat(FuriganaAgreementNeedsName.soleReadingOfItsKind(Set.of("ヤマザキ タロウ", "ヤマサキ タロウ"), "ヤマサキ タロウ"))
                .isFalse();
        assertThat(FuriganaAgreementNeedsName.soleReadingOfItsKind(Set.of("ヤマザキ タロウ", "ヤマサキ タロウ"), "ヤマザキ タロウ"))
                .isFalse();
        // a reading the name does not have is no corroboration
        assertThat(FuriganaAgreementNeedsName.soleReadingOfItsKind(Set.of("ハシモト クミコ"), "ハシモト クミ")).isFalse();
        // other readings that differ in more than a blurred stroke do not matter
        assertThat(FuriganaAgreementNeedsName.soleReadingOfItsKind(Set.of("ヤマト", "ダイワ"), "ヤマト")).isTrue();
    }

    @Test
    void furiganaWithAStrayKanaOrAMendedVoicingMarkMayBeMendedToTheName() {
        // ケイコユ is no name's reading: a stray mark read as a kana
        assertThat(FuriganaByName.otherNamesReading(NAMES, "タナカ ケイコユ", "タナカ ケイコ")).isFalse();
        // the same length: a voicing mark, not a character the name may have lost
        assertThat(FuriganaByName.otherNamesReading(NAMES, "ハシモト クミコ", "ハシモト グミコ")).isFalse();
    }
}
