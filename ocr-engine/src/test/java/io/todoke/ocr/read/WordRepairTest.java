package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;
import io.todoke.ocr.lexicon.Lexicon;
import io.todoke.ocr.lexicon.PersonNames;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WordRepairTest {

    private static final Lexicon WORDS = Lexicon.of(Map.of("糀台", 8000, "灯台", 4000, "西区", 5000, "区民", 5000,
            "丁目", 3000, "保育士", 6000, "保育", 5000));
    private final GlyphMatcher glyphs = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);

    /** A line printed as a clinic's printer would (IPA Mincho, about 3.5 mm high at 8 px/mm), dark on white. */
    static Gray printedLine(String text) throws Exception {
        BufferedImage img = drawn(text, 1, false);
        return ZoneReader.trim(Gray.of(img));
    }

    /**
     * The same line as a standard-mode fax keeps it: scanned at half the vertical resolution, each scan line black
     * where it is darker than {@code threshold}, then stretched back to square pixels (thin horizontal strokes go).
     */
    static Gray faxedLine(String text, int threshold) throws Exception {
        BufferedImage half = drawn(text, 0.5, true);
        byte[] scanned = ((DataBufferByte) half.getRaster().getDataBuffer()).getData();
        int w = half.getWidth();
        byte[] px = new byte[scanned.length * 2];
        for (int y = 0; y < half.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                byte v = (scanned[y * w + x] & 0xff) < threshold ? 0 : (byte) 255;
                px[2 * y * w + x] = v;
                px[(2 * y + 1) * w + x] = v;
            }
        }
        return ZoneReader.trim(new Gray(px, w, 2 * half.getHeight()));
    }

    /** The line in IPA Mincho, 28 px, its rows scaled by {@code yScale}; grey edges where {@code smooth}. */
    private static BufferedImage drawn(String text, double yScale, boolean smooth) throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT, Path.of("/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf").toFile())
                .deriveFont(28f);
        BufferedImage img = new BufferedImage(40 + 30 * text.length(), (int) Math.round(50 * yScale),
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        if (smooth) {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        }
        g.scale(1, yScale);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, 12, 36);
        g.dispose();
        return img;
    }

    /** The printed characters where the text read says they are. */
    static List<GlyphMatcher.Shape> shapes(Gray line, String read) {
        return CharacterCells.shapes(List.of(line), read);
    }

    /** The characters of {@code onPage} printed on a line, cut where the text read ({@code read}) says they are. */
    static List<GlyphMatcher.Shape> printedShapes(String onPage, String read) throws Exception {
        return shapes(printedLine(onPage), read);
    }

    @Test
    void aTownsRareKanjiNoReadingSawIsFoundByTheWordItCompletesAndItsShape() throws Exception {
        Gray page = printedLine("西区糀台3丁目");
        assertThat(WordRepair.repair("西区灯台3丁目", shapes(page, "西区灯台3丁目"), WORDS, glyphs)).isEqualTo("西区糀台3丁目");
    }

    @Test
    void aCharacterWithAStrokeMissedIsMendedIntoTheWordSpacingKept() throws Exception {
        Gray page = printedLine("保育士");
        assertThat(WordRepair.repair("保育 十", shapes(page, "保育十"), WORDS, glyphs)).isEqualTo("保育 士");
    }

    @Test
    void whatWasReadRightStaysAlthoughAnotherWordIsOneCharacterAway() throws Exception {
        // 灯台 is a common word one character from 糀台: the page decides, and it shows 灯
        Gray page = printedLine("西区灯台3丁目");
        assertThat(WordRepair.repair("西区灯台3丁目", shapes(page, "西区灯台3丁目"), WORDS, glyphs)).isEqualTo("西区灯台3丁目");
    }

    @Test
    void aTextThatDoesNotLookLikeTheWritingIsLeftAsRead() throws Exception {
        // only the first two characters cut from this page are those of the text: the 糀 on the page is not to be
        // trusted to mend 灯, as it would be in a line that otherwise looks as read
        Gray page = printedLine("糀台東京都港区");
        assertThat(WordRepair.repair("灯台西宮市北口", shapes(page, "灯台西宮市北口"), WORDS, glyphs)).isEqualTo("灯台西宮市北口");
        Gray likeRead = printedLine("糀台西宮市北口");
        assertThat(WordRepair.repair("灯台西宮市北口", shapes(likeRead, "灯台西宮市北口"), WORDS, glyphs)).isEqualTo("糀台西宮市北口");
    }

    @Test
    void withoutDictionaryFontsOrShapesForEveryCharacterNothingChanges() throws Exception {
        Gray page = printedLine("西区糀台");
        List<GlyphMatcher.Shape> s = shapes(page, "西区灯台");
        assertThat(WordRepair.repair("西区灯台", s, Lexicon.NONE, glyphs)).isEqualTo("西区灯台");
        assertThat(WordRepair.repair("西区灯台", s, WORDS, new GlyphMatcher(List.of(Path.of("/nonexistent.ttf")))))
                .isEqualTo("西区灯台");
        assertThat(WordRepair.repair("西区灯台", s.subList(0, 3), WORDS, glyphs)).isEqualTo("西区灯台");
    }

    @Test
    void aNameOneCharacterFromAKnownNameTakesTheNameWhoseCharacterIsPrinted() throws Exception {
        PersonNames names = PersonNames.of(Map.of("北村", Set.of("キタムラ"), "木村", Set.of("キムラ")),
                Map.of("千尋", Set.of("チヒロ"), "千春", Set.of("チハル")));
        Gray page = printedLine("北村　　千尋");
        // 届 for 尋: of the given names one character away, 尋 is the one printed there, not 春
        assertThat(WordRepair.repair("北村 千届", shapes(page, "北村 千届"), WordRepair.names("北村 千届", names), glyphs))
                .isEqualTo("北村 千尋");
        // 北村 is known and fits: 木村, one character away too, does not replace it
        assertThat(WordRepair.repair("北村 千尋", shapes(page, "北村 千尋"), WordRepair.names("北村 千尋", names), glyphs))
                .isEqualTo("北村 千尋");
        // a text of other than a family and a given name gets no proposals
        assertThat(WordRepair.names("北村千届", names).at(3)).isEmpty();
    }

    @Test
    void aVoicingMarkTheFaxBlurredIsTheWordsCallWhereTheyCareMuch() throws Exception {
        Lexicon words = Lexicon.of(Map.of("コーポ", 3700, "六甲", 6000, "ビル", 7900, "ピル", 6700));
        // ボ and ポ look alike on the page: コーボ is no word, コーポ is
        Gray page = printedLine("コーポ六甲");
        assertThat(WordRepair.repair("コーボ六甲", shapes(page, "コーボ六甲"), words, glyphs)).isEqualTo("コーポ六甲");
        // both are words: the words cannot tell, and a voicing mark's few pixels are not trusted alone
        Gray pill = printedLine("ピル六甲");
        assertThat(WordRepair.repair("ビル六甲", shapes(pill, "ビル六甲"), words, glyphs)).isEqualTo("ビル六甲");
        assertThat(WordRepair.sameButForVoicing('ボ', 'ポ')).isTrue();
        assertThat(WordRepair.sameButForVoicing('ホ', 'ボ')).isTrue();
        assertThat(WordRepair.sameButForVoicing('て', 'で')).isTrue();
        assertThat(WordRepair.sameButForVoicing('ボ', 'ボ')).isFalse();
        assertThat(WordRepair.sameButForVoicing('木', '本')).isFalse();
    }

    @Test
    void aKnownNameOrALookAlikeTakesItsCharacterOnLessOfTheShapesSay() throws Exception {
        // a standard-mode fax of 太郎 read 太朗: the printed 郎 fits its own shape better, but by less than a character
        // any word proposes needs
        Gray faxed = faxedLine("山本 太郎", 128);
        List<GlyphMatcher.Shape> read = shapes(faxed, "山本太朗");
        double gain = glyphs.similarity(read.get(3), "郎", 0) - glyphs.similarity(read.get(3), "朗", 0);
        assertThat(gain).isBetween(WordRepair.NAME_OR_LOOK_ALIKE_GAIN, WordRepair.MIN_GAIN);

        // proposed by the names: a known name is a narrow choice
        PersonNames names = PersonNames.of(Map.of("山本", Set.of("ヤマモト")),
                Map.of("太郎", Set.of("タロウ"), "太朗", Set.of("タロウ")));
        assertThat(WordRepair.repair("山本 太朗", read, WordRepair.names("山本 太朗", names), glyphs)).isEqualTo("山本 太郎");

        // proposed by the words: only where 朗 is a known look-alike of 郎
        Lexicon words = Lexicon.of(Map.of("山本", 5000, "太郎", 6000, "太朗", 6000));
        WordRepair.Proposals proposals = WordRepair.words("山本太朗", words);
        assertThat(WordRepair.repair("山本 太朗", read, proposals, glyphs)).isEqualTo("山本 太朗");
        assertThat(WordRepair.repair("山本 太朗", read, WordRepair.withLookAlikes(proposals, Map.of('朗', "郎")), glyphs))
                .isEqualTo("山本 太郎");

        // a 朗 that is printed stays: 郎 is proposed, and does not fit better
        Gray printed = faxedLine("山本 太朗", 128);
        assertThat(WordRepair.repair("山本 太朗", shapes(printed, "山本太朗"), WordRepair.names("山本 太朗", names), glyphs))
                .isEqualTo("山本 太朗");
    }
}
