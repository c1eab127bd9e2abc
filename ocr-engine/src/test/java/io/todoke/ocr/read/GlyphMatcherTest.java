package io.todoke.ocr.read;

import io.todoke.ocr.align.Gray;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GlyphMatcherTest {

    /** A character printed small (26 px, IPA Gothic), cut to its ink as Tesseract boxes it. */
    static Gray printed(String ch) throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT, Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf").toFile())
                .deriveFont(26f);
        BufferedImage img = new BufferedImage(60, 60, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 60, 60);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(ch, 10, 40);
        g.dispose();
        Gray trimmed = ZoneReader.trim(Gray.of(img));
        return ZoneReader.crop(trimmed, 12, 12, trimmed.width() - 24, trimmed.height() - 24, 0);
    }

    @Test
    void theStrokeTheRecogniserMissedIsFoundByDrawingBothCharacters() throws Exception {
        GlyphMatcher m = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);
        Gray hon = printed("本");
        assertThat(m.similarity(hon, "本")).isGreaterThan(m.similarity(hon, "木") + 0.1);
        Gray ki = printed("木");
        assertThat(m.similarity(ki, "木")).isGreaterThan(m.similarity(ki, "本"));
    }

    @Test
    void aPrintedDigitFitsAsReadOnlyWhereNoDigitItIsConfusedWithFitsBetter() throws Exception {
        GlyphMatcher m = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);
        GlyphMatcher.Shape zero = GlyphMatcher.shape(printed("0"));
        assertThat(m.fitsAsRead(zero, "0", List.of("6", "9", "8"))).isTrue();
        // both models read a printed 20日 as 26日 alike: the 0's shape says otherwise
        assertThat(m.fitsAsRead(zero, "6", List.of("0", "8", "5"))).isFalse();
        GlyphMatcher.Shape six = GlyphMatcher.shape(printed("6"));
        assertThat(m.fitsAsRead(six, "6", List.of("0", "8", "5"))).isTrue();
        assertThat(m.fitsAsRead(null, "6", List.of("0"))).isFalse();
    }

    @Test
    void aSmallPrintedDigitIsToldFromItsConfusionsWhenTheyAreDrawnAtItsSize() throws Exception {
        GlyphMatcher m = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);
        List<String> digits = List.of("0", "6", "8", "9", "3");
        for (String digit : digits) {
            Gray cell = printed(digit);
            List<String> others = digits.stream().filter(o -> !o.equals(digit)).toList();
            assertThat(m.fitsAsReadAtPrintedSize(cell, digit, others, 0.02)).as(digit).isTrue();
            for (String other : others) {
                assertThat(m.fitsAsReadAtPrintedSize(cell, other, List.of(digit), 0.02)).as(digit + " read " + other)
                        .isFalse();
            }
        }
        assertThat(m.fitsAsReadAtPrintedSize(null, "6", List.of("0"), 0.02)).isFalse();
    }

    @Test
    void aCharacterOfOtherProportionsIsNoMatch() throws Exception {
        GlyphMatcher m = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);
        // 一 is a flat stroke: stretched into a square box it would cover anything
        assertThat(m.similarity(printed("陽"), "一")).isZero();
    }

    @Test
    void withoutFontsItMatchesNothing() throws Exception {
        GlyphMatcher none = new GlyphMatcher(List.of(Path.of("/nonexistent.ttf")));
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.similarity(printed("本"), "本")).isZero();
    }
}
