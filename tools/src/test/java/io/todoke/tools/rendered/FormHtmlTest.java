package io.todoke.tools.rendered;

import io.todoke.tools.samples.FilledForm;
import io.todoke.tools.samples.FormLayout;
import io.todoke.tools.samples.MarkStyle;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class FormHtmlTest {

    private static final Pattern VALUE = Pattern.compile("<div class=\"v\" data-field=\"([a-z_]+)\" style=\"left:"
            + "([0-9.]+)mm;top:([0-9.]+)mm;width:([0-9.]+)mm;height:([0-9.]+)mm;font-size:([0-9.]+)mm");

    private final FormLayout layout = FormLayout.canonical();
    private final RenderedFonts fonts = RenderedFonts.load();

    @Test
    void everyWrittenValueIsPlacedInsideItsFieldsBoxInEveryFontGroupAndStyle() {
        RenderedValues values = new RenderedValues(layout, new WordLists(Role.EVALUATION, towns()));
        FormHtml html = new FormHtml(layout);
        int checked = 0;
        for (int i = 0; i < 60; i++) {
            Random rnd = new Random(i);
            boolean hand = i % 2 == 0;
            RenderedFonts.Font font = fonts.pick(rnd, i % 3 == 0 ? Role.CALIBRATION : Role.EVALUATION, hand);
            FilledForm form = values.fill(rnd, hand);
            String page = html.page(form, new FormHtml.Writing(font, hand ? 1.5 : 0, 0.07, MarkStyle.CHECK, "#000"),
                    new FormHtml.Tti("2021/01/08 10:00", "078-000-0000", "X"), i % 4 == 0, rnd);
            Set<String> placed = new HashSet<>();
            Matcher m = VALUE.matcher(page);
            while (m.find()) {
                FormLayout.Box box = layout.field(m.group(1)).box();
                double x = d(m, 2), y = d(m, 3), w = d(m, 4), h = d(m, 5), jitter = hand ? 1.5 * 0.4 / 2 : 0;
                String where = String.format(Locale.ROOT, "%s at %.2f,%.2f %.2fx%.2f in %s", m.group(1), x, y, w, h, box);
                assertThat(x - jitter).as(where).isGreaterThanOrEqualTo(box.x());
                assertThat(y - jitter).as(where).isGreaterThanOrEqualTo(box.y());
                assertThat(x + w + jitter).as(where).isLessThanOrEqualTo(box.x() + box.w());
                assertThat(y + h + jitter).as(where).isLessThanOrEqualTo(box.y() + box.h());
                assertThat(d(m, 6)).as(where + ": legible").isGreaterThan(1.6);
                placed.add(m.group(1));
                checked++;
            }
            assertThat(placed).as("every written field is drawn").isEqualTo(form.written().keySet());
        }
        assertThat(checked).isGreaterThan(60 * 15);
    }

    @Test
    void valuesAreEscapedSoThatMarkupInAValueStaysText() {
        assertThat(FormHtml.esc("<b>&\"")).isEqualTo("&lt;b&gt;&amp;&quot;");
    }

    private static double d(Matcher m, int group) {
        return Double.parseDouble(m.group(group));
    }

    static Path towns() {
        return Path.of("../config/forms/covid19-notification/towns.tsv");
    }
}
