package io.todoke.ocr.read;

import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.align.PageFrame;
import io.todoke.ocr.align.Registration;
import io.todoke.ocr.decode.PlacedText;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.MmBox;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextLayerReaderTest {

    private static final MmBox ZONE = new MmBox(70, 46, 128, 8).inset(0.8);
    private static final Registration.Transform IDENTITY = new Registration.Transform(1, 0, 1, 0, 1);

    /** Glyphs of {@code s} from x, each {@code em} wide, body from top y. */
    private static List<PlacedText> glyphs(String s, double x, double y, double em) {
        List<PlacedText> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            out.add(new PlacedText(String.valueOf(s.charAt(i)), x + i * em, y, em, em));
        }
        return out;
    }

    @Test
    void theTextOfGlyphsInsideTheZoneIsJoinedLeftToRight() {
        // as a PDF may hold them: not in reading order, the space a glyph of its own
        List<PlacedText> words = new ArrayList<>(glyphs("太郎", 79.8, 48.2, 3.6));
        words.addAll(glyphs("山田", 71.4, 48.2, 3.6));
        words.add(new PlacedText(" ", 78.6, 48.2, 1.2, 3.6));
        assertThat(TextLayerReader.textIn(words, ZONE, List.of())).isEqualTo("山田 太郎");
    }

    @Test
    void linesAreReadTopToBottomAndJoinedWithoutASpace() {
        MmBox remarks = new MmBox(58, 254, 140, 18).inset(0.8);
        List<PlacedText> words = new ArrayList<>(glyphs("続きです", 60, 261, 3.2));
        words.addAll(glyphs("経過観察中、", 60, 256.5, 3.2));
        assertThat(TextLayerReader.textIn(words, remarks, List.of())).isEqualTo("経過観察中、続きです");
    }

    @Test
    void aGapWithoutASpaceGlyphIsASpace() {
        List<PlacedText> words = new ArrayList<>(glyphs("AB", 72, 48.2, 2));
        words.addAll(glyphs("CD", 80, 48.2, 2));
        assertThat(TextLayerReader.textIn(words, ZONE, List.of())).isEqualTo("AB CD");
    }

    @Test
    void glyphsOutsideTheZoneOrInACaptionDoNotCount() {
        List<PlacedText> words = new ArrayList<>(glyphs("医師の氏名", 13, 48.2, 3.2));   // the row's caption cell
        words.addAll(glyphs("山田", 72, 48.2, 3.6));
        words.addAll(glyphs("従事", 72, 56.2, 3.6));                                      // the next row
        words.addAll(glyphs("注", 190, 48.2, 3.6));                                       // a caption printed in the cell
        List<MmBox> captions = List.of(new MmBox(12, 46, 58, 8), new MmBox(189, 47, 8, 6));
        assertThat(TextLayerReader.textIn(words, ZONE, captions)).isEqualTo("山田");
    }

    @Test
    void aZoneWithNoGlyphsSaysNothing() {
        assertThat(TextLayerReader.textIn(glyphs("山田", 72, 58, 3.6), ZONE, List.of())).isNull();
        assertThat(TextLayerReader.textIn(List.of(new PlacedText(" ", 72, 48.2, 1, 3.6)), ZONE, List.of())).isNull();
    }

    @Test
    void theFormsCaptionsAreKnownAndNoValueZoneOverlapsOne() {
        FormTemplate t = FaxFixtures.template();
        List<MmBox> captions = TextLayerReader.labelBoxes(t);
        assertThat(captions).isNotEmpty();
        for (FieldSpec f : t.fields()) {
            if (f.type().isMark()) {
                continue;
            }
            MmBox z = f.box().inset(0.8);
            for (MmBox c : captions) {
                boolean overlap = z.x() < c.x() + c.w() && c.x() < z.x() + z.w() && z.y() < c.y() + c.h() && c.y() < z.y() + z.h();
                assertThat(overlap).as("%s's zone overlaps caption %s", f.key(), c).isFalse();
            }
        }
    }

    @Test
    void glyphsArePlacedOnTheTemplateThroughTheRegistration() {
        // page px = 0.98 · template px + 16: a page shrunk by 2 % and 2 mm off to the right and down
        PageFrame frame = new PageFrame(8, 1680, 2376, 0, 0, new Registration.Transform(0.98, 16, 0.98, 16, 0.95));
        PlacedText onPage = new PlacedText("山", 70.6, 47.1, 3.5, 3.5);
        PlacedText t = TextLayerReader.toTemplate(List.of(onPage), frame).get(0);
        double[] c = frame.toTemplateMm(onPage.centreX(), onPage.centreY());
        assertThat(t.centreX()).isCloseTo(c[0], within(1e-9));
        assertThat(t.centreY()).isCloseTo(c[1], within(1e-9));
        assertThat(t.w()).isCloseTo(3.5 / 0.98, within(1e-9));
        assertThat(c[0]).isCloseTo((72.35 * 8 - 0.5 - 16) / 0.98 / 8 + 0.5 / 8, within(1e-9));
    }

    @Test
    void aTurnedOrSkewedPagesLayerIsNotTrusted() {
        List<PlacedText> words = glyphs("山田", 72, 48.2, 3.6);
        assertThat(TextLayerReader.toTemplate(words, new PageFrame(8, 1680, 2376, 0, 0, IDENTITY))).hasSize(2);
        assertThat(TextLayerReader.toTemplate(words, new PageFrame(8, 1680, 2376, 0.1, 0, IDENTITY))).hasSize(2);
        assertThat(TextLayerReader.toTemplate(words, new PageFrame(8, 1680, 2376, 0, 180, IDENTITY))).isEmpty();
        assertThat(TextLayerReader.toTemplate(words, new PageFrame(8, 1680, 2376, 1.5, 0, IDENTITY))).isEmpty();
        assertThat(TextLayerReader.toTemplate(words, null)).isEmpty();
    }

    @Test
    void inkIsMeasuredInsideTheZoneOnly() {
        byte[] px = new byte[100 * 100];
        for (int y = 10; y < 20; y++) {
            for (int x = 10; x < 20; x++) {
                px[y * 100 + x] = (byte) 255;
            }
        }
        Gray ink = new Gray(px, 100, 100);
        assertThat(TextLayerReader.inkFraction(ink, new MmBox(1, 1, 2, 2), 10)).isCloseTo(0.25, within(1e-9));
        assertThat(TextLayerReader.inkFraction(ink, new MmBox(5, 5, 2, 2), 10)).isZero();
    }
}
