package io.todoke.tools.samples;

import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageClassification;
import io.todoke.ocr.PageKind;
import io.todoke.ocr.PixelBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkScorerTest {

    private static final FormLayout LAYOUT = FormLayout.canonical();

    @TempDir
    static Path dir;

    private static List<FaxTruth> truths;

    /** Truth files of 12 planned faxes (no pages drawn: the scorer needs only the truth). */
    @BeforeAll
    static void writeTruths() throws IOException {
        SampleGenerator g = new SampleGenerator(LAYOUT, SampleGenerator.Options.MIXED);
        for (int i = 0; i < 12; i++) {
            SampleGenerator.FaxSpec spec = g.plan(5, i);
            Files.write(dir.resolve(spec.name() + ".truth.json"), g.truthJson(spec));
        }
        truths = FaxTruth.readAll(dir);
    }

    /** What a reader that found exactly the truth returns, with each field's value passed through edit. */
    private static FaxReading reading(FaxTruth t, BiFunction<String, Object, FieldReading> edit) {
        List<PageClassification> pages = t.pages().stream().map(p -> new PageClassification(p.page(),
                PageKind.valueOf(p.kind().toUpperCase(Locale.ROOT)), null, 0.9, p.rotation())).toList();
        List<FormReading> forms = new ArrayList<>();
        for (FaxTruth.Form f : t.forms()) {
            Map<String, FieldReading> fields = new LinkedHashMap<>();
            f.fields().forEach((k, v) -> fields.put(k, edit.apply(k, v)));
            forms.add(new FormReading(f.pages(), LAYOUT.formId(), LAYOUT.version(), 0.95, fields, List.of()));
        }
        return new FaxReading(t.file().getFileName().toString(), pages, List.of(), forms);
    }

    private static FieldReading field(String key, Object value, FieldStatus status) {
        // The engine returns integers as Long, the truth JSON reads back as Integer: the scorer must not care.
        Object v = value instanceof Integer i ? Long.valueOf(i) : value;
        boolean empty = v == null || (v instanceof List<?> l && l.isEmpty());
        return new FieldReading(key, v, String.valueOf(v), 0.99, empty ? FieldStatus.EMPTY : status, 0,
                new PixelBox(0, 0, 1, 1), List.of());
    }

    private static BenchmarkScorer score(BiFunction<String, Object, FieldReading> edit) {
        BenchmarkScorer s = new BenchmarkScorer(LAYOUT);
        truths.forEach(t -> s.add(t, reading(t, edit)));
        return s;
    }

    @Test
    void aReaderThatReturnsTheTruthScoresFullMarks() {
        BenchmarkScorer s = score((k, v) -> field(k, v, FieldStatus.OK));
        assertThat(s.all().fields().rate()).isEqualTo(1.0);
        assertThat(s.marks().rate()).isEqualTo(1.0);
        assertThat(s.straightThrough().rate()).isEqualTo(1.0);
        assertThat(s.all().silentErrors()).isZero();
        assertThat(s.all().okFields()).isPositive();
        assertThat(s.markdown("t", 1, 1, 2)).contains("| field accuracy | 100.0 %");
    }

    @Test
    void aWrongValueAcceptedAsOkIsASilentError() {
        BenchmarkScorer s = score((k, v) -> k.equals("birth_date") ? field(k, "1900-01-01", FieldStatus.OK)
                : field(k, v, FieldStatus.OK));
        long forms = s.straightThrough().total();
        assertThat(s.all().silentErrors()).isEqualTo(forms);
        assertThat(s.byType().get("date").silentErrors()).isEqualTo(forms);
        assertThat(s.byType().get("text").silentErrors()).isZero();
        assertThat(s.all().silentPerThousand()).isCloseTo(forms * 1000.0 / s.all().okFields(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.straightThroughWrong()).isEqualTo(forms);
        assertThat(s.silentExamples()).first().asString().contains("birth_date", "1900-01-01");
    }

    @Test
    void theSummaryRowCountsWrongOkFieldsOfPrintAndHandwritingApart() {
        BenchmarkScorer s = score((k, v) -> k.equals("birth_date") ? field(k, "1900-01-01", FieldStatus.OK)
                : field(k, v, FieldStatus.OK));
        long print = truths.stream().filter(t -> t.style().equals("print")).mapToLong(t -> t.forms().size()).sum();
        long hand = s.straightThrough().total() - print;
        String row = s.summaryRow("seed 5");

        assertThat(print).isPositive();
        assertThat(hand).isPositive();
        assertThat(row).startsWith("| seed 5 | ").endsWith(" | " + print + " / " + hand + " |");
        assertThat(row.split("\\|", -1)).hasSize(BenchmarkScorer.SUMMARY_HEADER.lines().findFirst().orElseThrow()
                .split("\\|", -1).length);
    }

    @Test
    void everyFieldIsListedWithItsConfidenceWhetherItIsRightAndItsMessagesTheWrongOnesAlsoApart() {
        BenchmarkScorer s = score((k, v) -> k.equals("birth_date")
                ? withMessages(field(k, "1900-01-01", FieldStatus.LOW_CONFIDENCE), "二度目の読み取りと一致しません", "年齢と合いません")
                : field(k, v, FieldStatus.OK));
        long forms = s.straightThrough().total();
        String messages = "\t二度目の読み取りと一致しません / 年齢と合いません";
        assertThat(s.allFields()).hasSize((int) s.all().fields().total());
        assertThat(s.allFields()).filteredOn(r -> r.endsWith("\tfalse" + messages)).hasSize((int) forms)
                .allSatisfy(r -> assertThat(r.split("\t")).contains("birth_date", "1900-01-01", "LOW_CONFIDENCE"));
        assertThat(s.allFields()).filteredOn(r -> !r.contains("\tbirth_date\t")).allSatisfy(r -> assertThat(r).endsWith("\ttrue\t"));
        assertThat(s.wrongFields()).hasSize((int) forms)
                .allSatisfy(r -> assertThat(s.allFields()).contains(r + "\tfalse" + messages));
    }

    private static FieldReading withMessages(FieldReading f, String... messages) {
        return new FieldReading(f.key(), f.value(), f.raw(), f.confidence(), f.status(), f.page(), f.box(), List.of(messages));
    }

    @Test
    void aWrongValueSentToReviewIsNotSilentAndNotStraightThrough() {
        BenchmarkScorer s = score((k, v) -> k.equals("birth_date") ? field(k, "1900-01-01", FieldStatus.LOW_CONFIDENCE)
                : field(k, v, FieldStatus.OK));
        assertThat(s.all().silentErrors()).isZero();
        assertThat(s.straightThrough().right()).isZero();
        assertThat(s.all().fields().total() - s.all().fields().right()).isEqualTo(s.straightThrough().total());
    }

    @Test
    void aMissedMarkCountsAgainstMarkAccuracyOnly() {
        BenchmarkScorer s = score((k, v) -> k.equals("sex") ? field(k, null, FieldStatus.EMPTY) : field(k, v, FieldStatus.OK));
        long forms = s.straightThrough().total();
        // sex has two options: the marked one is missed, the unmarked one is still right.
        assertThat(s.marks().total() - s.marks().right()).isEqualTo(forms);
        assertThat(s.byType().get("choice").fields().right()).isEqualTo(forms);
    }

    @Test
    void textComparesIgnoringWhiteSpaceAndWidthButNotCharacters() {
        assertThat(BenchmarkScorer.matches("text", "山田 太郎", "山田太郎")).isTrue();
        assertThat(BenchmarkScorer.matches("address", "加納町6丁目", "加納町６丁目")).isTrue();
        assertThat(BenchmarkScorer.matches("text", "山田 太郎", "山田 大郎")).isFalse();
        assertThat(BenchmarkScorer.matches("integer", 45, 45L)).isTrue();
        assertThat(BenchmarkScorer.matches("integer", 45, 54L)).isFalse();
        assertThat(BenchmarkScorer.matches("multi_choice", List.of("cough", "fever"), List.of("fever", "cough"))).isTrue();
        assertThat(BenchmarkScorer.matches("multi_choice", List.of(), null)).isTrue();
        assertThat(BenchmarkScorer.matches("date", null, "2021-01-08")).isFalse();
        assertThat(BenchmarkScorer.matches("phone", "078-123-4567", "078-123-4561")).isFalse();
    }

    @Test
    void aReaderThatFindsNoFormGetsNothingRight() throws Exception {
        BenchmarkScorer s = new BenchmarkScorer(LAYOUT);
        try (OcrBenchmark.NothingReader r = new OcrBenchmark.NothingReader()) {
            for (FaxTruth t : truths) {
                s.add(t, r.read(t.file()));
            }
        }
        assertThat(s.all().fields().right()).isZero();
        assertThat(s.straightThrough().right()).isZero();
        assertThat(s.all().okFields()).isZero();
    }
}
