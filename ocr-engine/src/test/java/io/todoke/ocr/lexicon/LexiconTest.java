package io.todoke.ocr.lexicon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconTest {

    private final Lexicon words = Lexicon.of(Map.of("自宅", 3000, "療養", 4000, "療", 9000, "宅", 9000, "自", 9000));

    @Test
    void aTextSpelledInWordsCostsLessThanOneWithACharacterOfNoWord() {
        assertThat(words.cost("自宅療養")).isLessThan(words.cost("自宅療佐"));
        assertThat(words.cost("自宅療養")).isEqualTo(3000 + 4000 + 2 * Lexicon.PER_WORD);
        assertThat(words.cost("自宅療佐") - words.cost("自宅療")).isEqualTo(Lexicon.UNKNOWN_CHARACTER);
    }

    @Test
    void oneWordIsPreferredToTheSameCharactersCutInPieces() {
        // 自宅 (3000) beats 自 + 宅 (9000 + 9000), although both spell it
        assertThat(words.cost("自宅")).isEqualTo(3000 + Lexicon.PER_WORD);
    }

    @Test
    void digitsLatinLettersAndSpacesCostNothing() {
        assertThat(words.cost("自宅 12-3 SpO")).isEqualTo(words.cost("自宅"));
    }

    @Test
    void proposesTheCharactersThatMakeAWordWithTheirNeighbours() {
        Lexicon l = Lexicon.of(Map.of("糀台", 8000, "灯台", 4000, "区民", 5000, "保育士", 6000, "3D", 7000));
        // 糀 and 民 complete a word with the character after or before; 灯 is what was read, not a proposal
        assertThat(l.fits("西区灯台3丁目", 2)).containsExactlyInAnyOrder('糀', '民');
        // the word may start at the character: 保育士 from 保育十, proposed at its last character
        assertThat(l.fits("保育十", 2)).containsExactly('士');
        assertThat(l.fits("保育十", 0)).isEmpty();
        // a digit is never a word's character to propose nor a place to propose one
        assertThat(l.fits("3丁", 0)).isEmpty();
        assertThat(l.fits("灯台", 5)).isEmpty();
    }

    @Test
    void aSuffixAfterAWordIsProposedForTheCompoundsTheDictionaryOnlyHasInParts() {
        // ipadic has 保育 and the suffix 士, not 保育士
        Lexicon l = Lexicon.of(Map.of("保育", 5000, "士", 9000, "師", 9000), java.util.Set.of('士', '師'));
        assertThat(l.fits("保育十", 2)).containsExactlyInAnyOrder('士', '師');
        // a single character before is no word to compound with
        assertThat(l.fits("育十", 1)).isEmpty();
    }

    @Test
    void loadsOneCharacterSuffixesFromTheirPartOfSpeech(@TempDir Path dir) throws Exception {
        Charset euc = Charset.forName("EUC-JP");
        Files.write(dir.resolve("Noun.csv"), List.of("保育,1,1,5000,名詞,サ変接続,*,*,*,*,保育,ホイク,ホイク",
                "士,1,1,9439,名詞,接尾,一般,*,*,*,士,シ,シ", "土,1,1,7000,名詞,一般,*,*,*,*,土,ツチ,ツチ"), euc);
        Lexicon l = Lexicon.load(dir, euc);
        assertThat(l.fits("保育十", 2)).containsExactly('士');
    }

    @Test
    void loadsEveryCsvOfAnIpadicDirectoryInItsEncodingKeepingTheCheapestCost(@TempDir Path dir) throws Exception {
        Charset euc = Charset.forName("EUC-JP");
        Files.write(dir.resolve("Noun.csv"), List.of("療養,1,1,4000,名詞,サ変接続,*,*,*,*,療養,リョウヨウ,リョーヨー"), euc);
        Files.write(dir.resolve("Noun.place.csv"), List.of("糀台,1,1,8000,名詞,固有名詞,地域,一般,*,*,糀台,コウジダイ,コージダイ",
                "療養,1,1,3500,名詞,一般,*,*,*,*,療養,リョウヨウ,リョーヨー", "not a line"), euc);
        Files.writeString(dir.resolve("README"), "not a dictionary");
        Lexicon l = Lexicon.load(dir, euc);
        assertThat(l.size()).isEqualTo(2);
        assertThat(l.wordCost("糀台")).isEqualTo(8000);
        assertThat(l.wordCost("療養")).isEqualTo(3500);
        assertThat(l.wordCost("療佐")).isEqualTo(-1);
    }

    @Test
    void aMissingDictionaryIsNoLexiconNotAnError(@TempDir Path dir) {
        assertThat(Lexicon.load(dir.resolve("absent"), Charset.forName("EUC-JP")).isEmpty()).isTrue();
        assertThat(Lexicon.NONE.cost("自宅療養")).isEqualTo(4 * Lexicon.UNKNOWN_CHARACTER);
    }

    @Test
    void debiansIpadicKnowsKobeTownNamesAndCommonWords() {
        Path ipadic = Path.of("/usr/share/mecab/dic/ipadic");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(ipadic), "mecab-ipadic is not installed");
        Lexicon l = Lexicon.load(ipadic, Charset.forName("EUC-JP"));
        assertThat(l.size()).isGreaterThan(300_000);
        assertThat(l.wordCost("糀台")).isNotNegative();
        assertThat(l.wordCost("霞ケ丘")).isNotNegative();
        assertThat(l.cost("自宅療養")).isLessThan(l.cost("自宅療佐"));
        assertThat(l.cost("神戸市西区糀台")).isLessThan(l.cost("神戸市西区炒台"));
    }
}
