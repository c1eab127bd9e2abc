package io.todoke.ocr.lexicon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrammarTest {

    private static final Charset EUC = Charset.forName("EUC-JP");
    /** The three misreads below cost 5,055 to 7,233 more than the right text; the mending margin is 3,000. */
    private static final long FIVE_THOUSAND = 5_000;

    private static Grammar ipadic() {
        Path ipadic = Path.of("/usr/share/mecab/dic/ipadic");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(ipadic.resolve("matrix.def")),
                "mecab-ipadic is not installed");
        return Grammar.load(ipadic, EUC);
    }

    @Test
    void aParticleAfterTheWrongKindOfWordCostsMoreThanTheSameWordsInTheirOrder() {
        Grammar g = ipadic();
        // the conjunctive て follows a verb; after a noun it is the case particle で
        assertThat(g.cost("飲食店ての会食") - g.cost("飲食店での会食")).isGreaterThan(FIVE_THOUSAND);
        assertThat(g.cost("家族がらの感染") - g.cost("家族からの感染")).isGreaterThan(FIVE_THOUSAND);
        assertThat(g.cost("ホデル療養") - g.cost("ホテル療養")).isGreaterThan(FIVE_THOUSAND);
        // width and spaces are not grammar
        assertThat(g.cost("飲食店 での 会食")).isEqualTo(g.cost("飲食店での会食"));
    }

    @Test
    void aVoicingMarkLostOrAddedIsFoundAndARightTextIsLeftAlone() {
        Grammar g = ipadic();
        assertThat(g.likelierVoicing("飲食店ての会食", 3_000)).isEqualTo("飲食店での会食");
        assertThat(g.likelierVoicing("家族がらの感染", 3_000)).isEqualTo("家族からの感染");
        assertThat(g.likelierVoicing("ホデル療養", 3_000)).isEqualTo("ホテル療養");
        for (String right : List.of("飲食店での会食", "家族からの感染", "ホテル療養", "自宅療養中", "発熱なし",
                "職場での接触", "酸素投与なし")) {
            assertThat(g.likelierVoicing(right, 3_000)).as(right).isNull();
        }
        // and 授与 for 投与 is no matter of voicing: both are words, in the same places
        assertThat(g.likelierVoicing("酸素授与なし", 3_000)).isNull();
    }

    @Test
    void theKanaOfAVoicingMarkAreTheOnesUnicodeComposes() {
        assertThat(Grammar.voicings('か')).containsExactly('が');
        assertThat(Grammar.voicings('が')).containsExactly('か');
        assertThat(Grammar.voicings('は')).containsExactly('ば', 'ぱ');
        assertThat(Grammar.voicings('ぱ')).containsExactly('は', 'ば');
        assertThat(Grammar.voicings('テ')).containsExactly('デ');
        assertThat(Grammar.voicings('ア')).isEmpty();
        assertThat(Grammar.voicings('漢')).isEmpty();
        assertThat(Grammar.voicings('A')).isEmpty();
    }

    @Test
    void aSmallDictionaryIsReadWithItsJoiningCostsAndUnknownWords(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("Noun.csv"), List.of("店,1,1,100,名詞,一般,*,*,*,*,店,ミセ,ミセ"), EUC);
        Files.write(dir.resolve("Postp.csv"), List.of("で,2,2,100,助詞,格助詞,一般,*,*,*,で,デ,デ",
                "て,3,3,100,助詞,接続助詞,*,*,*,*,て,テ,テ"), EUC);
        // right id of the word before, left id of the word after, cost
        Files.write(dir.resolve("matrix.def"), List.of("4 4", "0 1 0", "1 2 10", "1 3 5000", "2 0 0", "3 0 0"), EUC);
        Files.write(dir.resolve("char.def"), List.of("DEFAULT 0 1 0", "KANJI 0 0 2", "0x4E00..0x9FA5 KANJI"), EUC);
        Files.write(dir.resolve("unk.def"), List.of("DEFAULT,1,1,9000,名詞,一般,*,*,*,*,*",
                "KANJI,1,1,7000,名詞,一般,*,*,*,*,*"), EUC);
        Grammar g = Grammar.load(dir, EUC);
        assertThat(g.cost("店で")).isEqualTo(100 + 10 + 100);
        assertThat(g.cost("店て")).isEqualTo(100 + 5000 + 100);
        // 町 is no word here: an unknown kanji, then the case particle
        assertThat(g.cost("町で")).isEqualTo(7000 + 10 + 100);
        assertThat(g.likelierVoicing("店て", 3_000)).isEqualTo("店で");
        assertThat(g.likelierVoicing("店て", 6_000)).isNull();
    }

    @Test
    void aDictionaryWithoutItsGrammarFilesIsNoGrammarAndAMalformedOneIsAnError(@TempDir Path dir) throws Exception {
        assertThat(Grammar.load(dir.resolve("absent"), EUC).isEmpty()).isTrue();
        assertThat(Grammar.NONE.likelierVoicing("飲食店ての会食", 3_000)).isNull();

        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.write(bad.resolve("Noun.csv"), List.of("店,1,1,100,名詞,一般,*,*,*,*,店,ミセ,ミセ"), EUC);
        Files.write(bad.resolve("matrix.def"), List.of("4 3"), EUC);
        Files.write(bad.resolve("char.def"), List.of("DEFAULT 0 1 0"), EUC);
        Files.write(bad.resolve("unk.def"), List.of("DEFAULT,1,1,9000,名詞,一般,*,*,*,*,*"), EUC);
        assertThatThrownBy(() -> Grammar.load(bad, EUC)).hasMessageContaining("matrix.def is not square");
    }

    @Test
    void integersAreReadFromALineByHand() {
        int[] out = new int[3];
        assertThat(Grammar.integers("12 -345  6", out)).isEqualTo(3);
        assertThat(out).containsExactly(12, -345, 6);
        assertThat(Grammar.integers("1316 1316", out)).isEqualTo(2);
        assertThat(Grammar.integers("1 x 2", out)).isEqualTo(-1);
    }
}
