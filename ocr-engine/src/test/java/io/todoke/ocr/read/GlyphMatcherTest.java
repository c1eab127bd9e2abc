package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;
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
