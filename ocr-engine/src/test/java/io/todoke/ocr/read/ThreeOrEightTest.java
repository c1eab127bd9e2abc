package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ThreeOrEightTest {

    static final Path MINCHO = Path.of("/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf");
    static final Path GOTHIC = Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");

    /**
     * A digit printed about 3.5 mm high at 8 px/mm, with a margin; {@code standard} sends it as a standard-mode fax
     * does (each pair of rows one row of black or white, stretched back to full height).
     */
    static Gray printed(Path fontFile, String digit, boolean standard) throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT, fontFile.toFile()).deriveFont(38f);
        BufferedImage img = new BufferedImage(48, 56, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 48, 56);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(digit, 12, 44);
        g.dispose();
        Gray gray = Gray.of(img);
        if (!standard) {
            return gray;
        }
        byte[] px = new byte[gray.px().length];
        int w = gray.width();
        for (int y = 0; y + 1 < gray.height(); y += 2) {
            for (int x = 0; x < w; x++) {
                // a pair of rows scanned as one, black or white, and stretched back to two rows
                int mean = (gray.get(x, y) + gray.get(x, y + 1)) / 2;
                px[y * w + x] = px[(y + 1) * w + x] = (byte) (mean < 128 ? 0 : 255);
            }
        }
        return new Gray(px, w, gray.height());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aThreeIsOpenOnItsLeftAtEitherFaxResolution(boolean standard) throws Exception {
        for (Path font : new Path[] {MINCHO, GOTHIC}) {
            assertThat(ThreeOrEight.looksLikeThree(printed(font, "3", standard))).as("3 in %s", font).isTrue();
        }
    }

    @Test
    void anEightIsClosedOnItsLeft() throws Exception {
        for (Path font : new Path[] {MINCHO, GOTHIC}) {
            assertThat(ThreeOrEight.openRows(printed(font, "8", false))).as("8 in %s", font).isZero();
        }
        // a standard-mode fax keeps a Gothic 8's strokes; a Mincho 8's hairlines it may break, which costs a clerk a look
        assertThat(ThreeOrEight.looksLikeThree(printed(GOTHIC, "8", true))).isFalse();
    }
}
