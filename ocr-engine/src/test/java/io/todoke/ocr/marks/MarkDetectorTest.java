package io.todoke.ocr.marks;

import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.align.AlignedPage;
import io.todoke.ocr.align.BlankForm;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.align.PageAligner;
import io.todoke.ocr.decode.FaxDecoder;
import io.todoke.ocr.decode.PageRaster;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.OptionSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarkDetectorTest {

    private static final double PX = FaxFixtures.PX_PER_MM;
    private final FormTemplate template = FaxFixtures.template();
    private final BlankForm blank = new BlankForm(template, PX);

    @ParameterizedTest
    @EnumSource(FaxFixtures.Mark.class)
    void everyMarkStyleIsFoundAndNothingElseIs(FaxFixtures.Mark style) throws Exception {
        Map<String, List<String>> chosen = Map.of("sex", List.of("female"), "symptoms", List.of("fever", "anosmia"),
                "case_type", List.of("suspected"));
        byte[] tiff = FaxFixtures.tiff(List.of(FaxFixtures.filledForm(template, Map.of(), chosen, style)), 204, 98);
        Gray working = Gray.of(PageRaster.toWorking(new FaxDecoder().decode(tiff, "m.tif").get(0), PX));
        AlignedPage page = PageAligner.align(PageAligner.clean(working, PX), template, PX);
        Gray extra = blank.extraInk(page.ink());
        for (String key : List.of("sex", "symptoms", "case_type", "diagnosis_methods")) {
            FieldSpec f = template.field(key).orElseThrow();
            for (OptionSpec o : f.options()) {
                MarkReading m = MarkDetector.detect(o, page.ink(), extra, PX, template.thresholds());
                boolean expected = chosen.getOrDefault(key, List.of()).contains(o.value());
                assertThat(m.state()).as("%s.%s %s (box %.3f ring %.3f)", key, o.value(), style, m.boxInk(), m.ringInk())
                        .isEqualTo(expected ? MarkReading.State.MARKED : MarkReading.State.UNMARKED);
            }
        }
    }
}
