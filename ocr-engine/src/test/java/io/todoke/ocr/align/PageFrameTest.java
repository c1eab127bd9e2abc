package io.todoke.ocr.align;

import io.todoke.ocr.image.Gray;

import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.template.FormTemplate;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PageFrameTest {

    private static final double PX = FaxFixtures.PX_PER_MM;
    private static final Registration.Transform IDENTITY = new Registration.Transform(1, 0, 1, 0, 1);

    @Test
    void anUntouchedPageMapsOntoTheTemplateUnchanged() {
        PageFrame frame = new PageFrame(PX, 1680, 2376, 0, 0, IDENTITY);
        assertThat(frame.toTemplateMm(70, 46)).containsExactly(new double[] {70, 46}, within(1e-9));
    }

    @Test
    void registrationScaleAndOffsetAreUndone() {
        // page px = 0.98 · template px + 40
        PageFrame frame = new PageFrame(PX, 1680, 2376, 0, 0, new Registration.Transform(0.98, 40, 1.02, -16, 1));
        double[] t = frame.toTemplateMm(100, 150);
        assertThat(t[0]).isCloseTo((100 * PX - 0.5 - 40) / 0.98 / PX + 0.5 / PX, within(1e-9));
        assertThat(t[1]).isCloseTo((150 * PX - 0.5 + 16) / 1.02 / PX + 0.5 / PX, within(1e-9));
    }

    @Test
    void aPageTurnedUpsideDownMapsThroughTheCentre() {
        PageFrame frame = new PageFrame(PX, 1680, 2376, 0, 180, IDENTITY);
        double[] t = frame.toTemplateMm(10, 20);
        assertThat(t[0]).isCloseTo(210 - 10, within(0.01));
        assertThat(t[1]).isCloseTo(297 - 20, within(0.01));
    }

    /**
     * The real thing: a mark put on a skewed, upside-down, shifted page is found by the aligner in the aligned image
     * exactly where the frame says it lands.
     */
    @Test
    void aMarkOnASkewedTurnedShiftedPageLandsWhereTheFrameSays() {
        FormTemplate template = FaxFixtures.template();
        BufferedImage form = FaxFixtures.filledForm(template, Map.of(), Map.of(), FaxFixtures.Mark.CHECK);
        BufferedImage page = shifted(FaxFixtures.rotate(form, 181.2), 30, -20);
        // a 3 mm square near the page's top, which is the foot of the turned form, below its last printed line
        double px = 100;
        double py = 8;
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        g.fill(new Rectangle2D.Double((px - 1.5) * PX, (py - 1.5) * PX, 3 * PX, 3 * PX));
        g.dispose();

        PageAligner.Cleaned cleaned = PageAligner.clean(Gray.of(page), PX);
        AlignedPage aligned = PageAligner.align(cleaned, template, PX);
        double[] predicted = aligned.frame().toTemplateMm(px, py);
        double[] found = centroidOfInkNear(aligned.gray(), predicted, 4);

        assertThat(aligned.rotation()).isEqualTo(180);
        assertThat(Math.abs(aligned.skewDeg())).isGreaterThan(1);
        assertThat(found).as("the mark is in the aligned image near the prediction").isNotNull();
        assertThat(found[0]).isCloseTo(predicted[0], within(0.3));
        assertThat(found[1]).isCloseTo(predicted[1], within(0.3));
    }

    private static BufferedImage shifted(BufferedImage src, int dx, int dy) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(src, dx, dy, null);
        g.dispose();
        return out;
    }

    /** {x, y} in mm of the dark pixels within r mm of the point, or null when there are none. */
    private static double[] centroidOfInkNear(Gray g, double[] mm, double r) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = (int) ((mm[1] - r) * PX); y < (mm[1] + r) * PX; y++) {
            for (int x = (int) ((mm[0] - r) * PX); x < (mm[0] + r) * PX; x++) {
                if (x >= 0 && y >= 0 && x < g.width() && y < g.height() && g.get(x, y) < 128) {
                    sx += x + 0.5;
                    sy += y + 0.5;
                    n++;
                }
            }
        }
        return n < 50 ? null : new double[] {sx / n / PX, sy / n / PX};
    }
}
