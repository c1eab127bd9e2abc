package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.todoke.ocr.read.ThreeOrEightTest.GOTHIC;
import static io.todoke.ocr.read.ThreeOrEightTest.MINCHO;
import static io.todoke.ocr.read.ThreeOrEightTest.printed;
import static org.assertj.core.api.Assertions.assertThat;

class DigitShapesTest {

    /** The date settings' confusions of the template (config/forms): what the guard asks about each digit read. */
    private static final Map<String, List<String>> CONFUSIONS = Map.of(
            "0", List.of("6", "9", "8"), "6", List.of("0", "8", "5"), "9", List.of("0", "4", "8"),
            "8", List.of("6", "0", "3"), "3", List.of("8"), "5", List.of("6", "3"), "4", List.of("9"),
            "1", List.of("7", "月", "年"), "7", List.of("/", "1"));

    private final DigitShapes digits = new DigitShapes(GlyphMatcher.DEBIAN_PRINT_FONTS);

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aPrintedDigitFitsAsReadAndNotAsADigitItIsConfusedWith(boolean standard) throws Exception {
        for (Path font : new Path[] {MINCHO, GOTHIC}) {
            for (var e : CONFUSIONS.entrySet()) {
                String digit = e.getKey();
                Gray cell = printed(font, digit, standard);
                assertThat(digits.fitsAsRead(cell, digit, e.getValue())).as("%s in %s", digit, font).isTrue();
                for (String misread : e.getValue()) {
                    List<String> itsConfusions = CONFUSIONS.getOrDefault(misread, List.of());
                    if (itsConfusions.contains(digit)) {
                        // every reading made the same mistake: the shape must still refuse it
                        assertThat(digits.fitsAsRead(cell, misread, itsConfusions))
                                .as("%s in %s read %s", digit, font, misread).isFalse();
                    }
                }
            }
        }
    }

    /** Faces clinics' forms could be printed in that the guard does not draw (it draws IPA Mincho and Gothic). */
    private static final Path IPAEX_MINCHO = Path.of("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf");
    private static final Path IPAEX_GOTHIC = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");

    @Test
    void aRoundDigitOfAFaceNotDrawnFitsOnceTheDrawnDigitsAreAsWideAsIt() throws Exception {
        // IPAex Gothic's 0 is wider than IPA Gothic's: compared as drawn, an 8 fits it better
        Gray zero = printed(IPAEX_GOTHIC, "0", false);
        assertThat(digits.fitsAsRead(zero, "0", CONFUSIONS.get("0"))).isTrue();
        assertThat(digits.fitsAsRead(zero, "8", CONFUSIONS.get("8"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aOneIsToldFromASevenByItsWidth(boolean standard) throws Exception {
        // an IPAex Mincho 1 thickened by the fax: stretched as wide as it, a drawn 1 no longer fits it and a 7 does
        Gray one = thickened(printed(IPAEX_MINCHO, "1", standard));
        assertThat(digits.fitsAsRead(one, "1", CONFUSIONS.get("1"))).isTrue();
        assertThat(digits.fitsAsRead(one, "7", CONFUSIONS.get("7"))).isFalse();
    }

    /** Ink spread by one pixel all round, as a fax's does. */
    private static Gray thickened(Gray g) {
        byte[] px = g.px().clone();
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < g.width() && ny < g.height() && g.get(nx, ny) < 128) {
                            px[y * g.width() + x] = 0;
                        }
                    }
                }
            }
        }
        return new Gray(px, g.width(), g.height());
    }

    @Test
    void aNeighboursTailReachingOverTheCutIsNotTakenForPartOfTheDigit() throws Exception {
        Gray zero = printed(GOTHIC, "0", true);
        byte[] px = zero.px().clone();
        int[] box = zero.inkBox();
        // a few pixels of the next character's stroke at the cell's right side, level with the top of the 0
        for (int y = box[1]; y < box[1] + 4; y++) {
            for (int x = zero.width() - 3; x < zero.width(); x++) {
                px[y * zero.width() + x] = 0;
            }
        }
        Gray withTail = new Gray(px, zero.width(), zero.height());
        assertThat(DigitShapes.withoutNeighbourTails(withTail).px()).isEqualTo(zero.px());
        assertThat(digits.similarity(withTail, "0", true)).isEqualTo(digits.similarity(zero, "0", true));
        assertThat(digits.fitsAsRead(withTail, "0", CONFUSIONS.get("0"))).isTrue();
    }

    @Test
    void inkInTheMiddleOfTheCellIsKeptWhateverItsSize() throws Exception {
        Gray eight = printed(GOTHIC, "8", false);
        assertThat(DigitShapes.withoutNeighbourTails(eight)).isSameAs(eight);
    }

    @Test
    void nothingPrintedFitsNothing() {
        byte[] white = new byte[20 * 40];
        Arrays.fill(white, (byte) 255);
        assertThat(digits.fitsAsRead(new Gray(white, 20, 40), "0", List.of("6"))).isFalse();
        assertThat(digits.fitsAsRead(null, "0", List.of("6"))).isFalse();
    }
}
