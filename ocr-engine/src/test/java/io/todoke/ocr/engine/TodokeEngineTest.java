package io.todoke.ocr.engine;

import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageKind;
import io.todoke.ocr.template.FormTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end with real Tesseract: a generated print form through a genuine fax, read back and checked. */
class TodokeEngineTest {

    static final Map<String, String> WRITTEN = new LinkedHashMap<>();
    static final Map<String, Object> EXPECTED = new LinkedHashMap<>();
    static final Map<String, List<String>> MARKED = Map.of("case_type", List.of("confirmed"), "sex", List.of("female"),
            "symptoms", List.of("fever", "cough"), "diagnosis_methods", List.of("pcr"));

    static {
        put("report_date", "令和3年1月10日", "2021-01-10");
        put("physician_name", "山田 太郎", "山田太郎");
        put("facility_name", "神戸中央クリニック", "神戸中央クリニック");
        put("facility_address", "神戸市中央区加納町6-5-1", "神戸市中央区加納町6-5-1");
        put("facility_phone", "078-321-4567", "078-321-4567");
        put("patient_name_kana", "スズキ ハナコ", "スズキハナコ");
        put("patient_name", "鈴木 花子", "鈴木花子");
        put("birth_date", "昭和45年3月12日", "1970-03-12");
        put("age", "50", 50L);
        put("occupation", "会社員", "会社員");
        put("patient_address", "神戸市灘区篠原本町2-3-4", "神戸市灘区篠原本町2-3-4");
        put("patient_phone", "090-1234-5678", "090-1234-5678");
        put("first_visit_date", "2021/1/7", "2021-01-07");
        put("diagnosis_date", "令和3年1月8日", "2021-01-08");
        put("onset_date", "令和3年1月5日", "2021-01-05");
        put("infection_region", "国内（兵庫県神戸市）", "国内(兵庫県神戸市)");
        EXPECTED.put("case_type", "confirmed");
        EXPECTED.put("sex", "female");
        EXPECTED.put("symptoms", List.of("cough", "fever"));
        EXPECTED.put("diagnosis_methods", List.of("pcr"));
    }

    static void put(String key, String written, Object expected) {
        WRITTEN.put(key, written);
        EXPECTED.put(key, expected);
    }

    static TodokeEngine engine;

    /** Text is compared ignoring white space, as the forms README says. */
    static Object comparable(Object v) {
        return v instanceof String s ? s.replaceAll("\\s+", "") : v;
    }

    @BeforeAll
    static void start() {
        engine = new TodokeEngine(EngineConfig.defaults().withTemplates(FaxFixtures.TEMPLATES));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void readsAFineFaxWithCoverSheetAndUpsideDownFormWithoutSilentErrors(@TempDir Path dir) throws Exception {
        FormTemplate t = FaxFixtures.template();
        BufferedImage form = FaxFixtures.filledForm(t, WRITTEN, MARKED, FaxFixtures.Mark.CHECK);
        Path fax = Files.write(dir.resolve("fax.pdf"), FaxFixtures.pdf(List.of(FaxFixtures.coverPage(),
                FaxFixtures.rotate(form, 180), FaxFixtures.blankPage()), 204, 196));

        FaxReading reading = engine.read(fax);

        assertThat(reading.pages()).extracting(p -> p.kind()).containsExactly(PageKind.COVER, PageKind.FORM, PageKind.BLANK);
        assertThat(reading.pages().get(1).rotation()).isEqualTo(180);
        assertThat(reading.images()).hasSize(3);
        assertThat(reading.forms()).hasSize(1);
        FormReading f = reading.forms().get(0);
        assertThat(f.pages()).containsExactly(1);
        assertThat(f.templateId()).isEqualTo("covid19-notification");
        assertThat(f.disease()).isEqualTo(new io.todoke.ocr.Disease("covid19", "新型コロナウイルス感染症"));
        assertThat(f.alignment()).isGreaterThan(0.9);
        assertThat(f.fields().keySet()).containsExactlyElementsOf(t.fields().stream().map(x -> x.key()).toList());

        int right = 0;
        for (Map.Entry<String, Object> e : EXPECTED.entrySet()) {
            FieldReading r = f.fields().get(e.getKey());
            if (r.status() == FieldStatus.OK) {
                assertThat(comparable(r.value())).as("%s accepted as ok must be right (raw %s)", e.getKey(), r.raw())
                        .isEqualTo(comparable(e.getValue()));
            }
            if (comparable(e.getValue()).equals(comparable(r.value()))) {
                right++;
            }
        }
        // print on a fine fax: nearly every field reads right (the benchmark measures the exact rate)
        assertThat(right).as("fields right").isGreaterThanOrEqualTo(EXPECTED.size() - 2);
        assertThat(f.fields().get("guardian_name").status()).isEqualTo(FieldStatus.EMPTY);
        assertThat(f.fields().get("death_date").value()).isNull();
        assertThat(f.fields().get("remarks").status()).isEqualTo(FieldStatus.EMPTY);
        assertThat(f.fields().get("patient_name").box().width()).isEqualTo(480);
    }

    @Test
    void aValueIsAcceptedWhereBothModelsAtTwoScalesReadItAlike(@TempDir Path dir) throws Exception {
        FormTemplate t = FaxFixtures.template();
        Path fax = Files.write(dir.resolve("fax.pdf"), FaxFixtures.pdf(List.of(FaxFixtures.filledForm(t, WRITTEN, MARKED,
                FaxFixtures.Mark.CHECK)), 204, 196));
        // no single reading of text, an address, furigana or a date is sure enough here: only the readings' agreement
        // accepts
        Path agreeing = templatesAcceptingTextOnlyByAgreement(dir.resolve("agreeing"), true);
        Path notAgreeing = templatesAcceptingTextOnlyByAgreement(dir.resolve("single"), false);
        List<String> keys = List.of("facility_name", "facility_address", "patient_name_kana", "occupation",
                "patient_address", "infection_region", "physician_name", "patient_name", "report_date", "birth_date",
                "diagnosis_date", "onset_date");

        Map<String, FieldReading> byAgreement;
        try (TodokeEngine e = new TodokeEngine(EngineConfig.defaults().withTemplates(agreeing))) {
            byAgreement = e.read(fax).forms().get(0).fields();
        }
        Map<String, FieldReading> bySingleReadings;
        try (TodokeEngine e = new TodokeEngine(EngineConfig.defaults().withTemplates(notAgreeing))) {
            bySingleReadings = e.read(fax).forms().get(0).fields();
        }

        List<String> accepted = keys.stream().filter(k -> byAgreement.get(k).status() == FieldStatus.OK).toList();
        for (String k : accepted) {
            assertThat(comparable(byAgreement.get(k).value())).as("%s accepted on agreement must be right", k)
                    .isEqualTo(comparable(EXPECTED.get(k)));
            assertThat(byAgreement.get(k).confidence()).as(k).isGreaterThanOrEqualTo(0.5);
        }
        // clean print on a fine fax: most of these read alike every way
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(5)
                .containsAnyOf("report_date", "birth_date", "diagnosis_date", "onset_date");
        assertThat(keys).allSatisfy(k -> assertThat(bySingleReadings.get(k).status()).as(k).isNotEqualTo(FieldStatus.OK));
    }

    @Test
    void furiganaIsAcceptedOnAgreementOnlyWhereItsNameReadsSoAndInNoOtherWayAFaxCouldBlurItInto(@TempDir Path dir)
            throws Exception {
        Map<String, String> yamazaki = new LinkedHashMap<>(WRITTEN);
        yamazaki.put("patient_name", "山崎 花子");
        yamazaki.put("patient_name_kana", "ヤマザキ ハナコ");
        List<Map<String, FieldReading>> read = readAcceptingTextOnlyByAgreement(dir, WRITTEN, yamazaki);
        FieldReading suzuki = read.get(0).get("patient_name_kana");
        FieldReading yamazakiKana = read.get(1).get("patient_name_kana");
        // 鈴木 reads スズキ only: the name's cell, read apart, vouches for what every reading of the furigana made
        assertThat(comparable(suzuki.value())).isEqualTo("スズキハナコ");
        assertThat(suzuki.status()).isEqualTo(FieldStatus.OK);
        // 山崎 reads ヤマザキ and ヤマサキ: read right and alike every way, the furigana still goes to a clerk
        assertThat(comparable(yamazakiKana.value())).isEqualTo("ヤマザキハナコ");
        assertThat(yamazakiKana.status()).isEqualTo(FieldStatus.LOW_CONFIDENCE);
        assertThat(yamazakiKana.messages()).contains(io.todoke.ocr.steps.Messages.KANA_UNVOUCHED);
    }

    @Test
    void aNameIsAcceptedOnAgreementOnlyWhereItReadsAsItsFuriganaSays(@TempDir Path dir) throws Exception {
        Map<String, String> otherFurigana = new LinkedHashMap<>(WRITTEN);
        // the furigana of another name: one of the two cells was misread, and the name's readings cannot tell which
        otherFurigana.put("patient_name_kana", "サトウ ハナコ");
        List<Map<String, FieldReading>> read = readAcceptingTextOnlyByAgreement(dir, WRITTEN, otherFurigana);
        Map<String, FieldReading> right = read.get(0);
        FieldReading wrong = read.get(1).get("patient_name");
        // 鈴木 花子 reads スズキ ハナコ; 山田 太郎, a physician's, has no furigana: its print and the dictionary vouch
        assertThat(comparable(right.get("patient_name").value())).isEqualTo("鈴木花子");
        assertThat(right.get("patient_name").status()).isEqualTo(FieldStatus.OK);
        assertThat(comparable(right.get("physician_name").value())).isEqualTo("山田太郎");
        assertThat(right.get("physician_name").status()).isEqualTo(FieldStatus.OK);
        assertThat(comparable(wrong.value())).isEqualTo("鈴木花子");
        assertThat(wrong.status()).isEqualTo(FieldStatus.LOW_CONFIDENCE);
        assertThat(wrong.messages()).contains(io.todoke.ocr.steps.Messages.NAME_UNVOUCHED);
    }

    @Test
    void aTextWithAGapBetweenJapaneseWordsGoesToAClerkHoweverAlikeItsReadingsAre(@TempDir Path dir) throws Exception {
        Map<String, String> written = new LinkedHashMap<>(WRITTEN);
        // where a colon's dots were cleaned away as specks, this is all the readings see
        written.put("remarks", "基礎疾患　高血圧");
        FieldReading remarks = readAcceptingTextOnlyByAgreement(dir, written).get(0).get("remarks");
        assertThat(comparable(remarks.value())).isEqualTo("基礎疾患高血圧");
        assertThat(remarks.status()).isEqualTo(FieldStatus.LOW_CONFIDENCE);
        assertThat(remarks.messages()).contains(io.todoke.ocr.steps.Messages.GAP);
    }

    /** Each form filled in as {@code written}, faxed in fine mode and read with text accepted only on agreement. */
    @SafeVarargs
    static List<Map<String, FieldReading>> readAcceptingTextOnlyByAgreement(Path dir, Map<String, String>... written)
            throws Exception {
        FormTemplate t = FaxFixtures.template();
        List<Map<String, FieldReading>> out = new java.util.ArrayList<>();
        try (TodokeEngine e = new TodokeEngine(EngineConfig.defaults().withTemplates(
                templatesAcceptingTextOnlyByAgreement(dir.resolve("agreeing"), true)))) {
            for (int i = 0; i < written.length; i++) {
                Path fax = Files.write(dir.resolve("fax-" + i + ".pdf"), FaxFixtures.pdf(List.of(FaxFixtures.filledForm(t,
                        written[i], MARKED, FaxFixtures.Mark.CHECK)), 204, 196));
                out.add(e.read(fax).forms().get(0).fields());
            }
        }
        return out;
    }

    /** The canonical template with text, addresses, furigana and dates never accepted on their confidence alone. */
    static Path templatesAcceptingTextOnlyByAgreement(Path dir, boolean agreement) throws Exception {
        return templatesChanged(dir, template -> {
            com.fasterxml.jackson.databind.node.ObjectNode thresholds =
                    (com.fasterxml.jackson.databind.node.ObjectNode) template.get("thresholds");
            com.fasterxml.jackson.databind.node.ObjectNode ok =
                    (com.fasterxml.jackson.databind.node.ObjectNode) thresholds.get("ok_by_type");
            thresholds.remove("agreed_ok_by_type");
            com.fasterxml.jackson.databind.node.ObjectNode agreed = thresholds.objectNode();
            for (String type : List.of("text", "address", "kana", "date")) {
                ok.put(type, 1.01);
                agreed.put(type, 0.5);
            }
            if (agreement) {
                thresholds.set("agreed_ok_by_type", agreed);
            }
        });
    }

    /** The canonical template directory copied into {@code dir}, its template.json changed by {@code change}. */
    static Path templatesChanged(Path dir, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change)
            throws Exception {
        Path form = Files.createDirectories(dir.resolve("covid19-notification"));
        Path canonical = FaxFixtures.TEMPLATES.resolve("covid19-notification");
        for (String f : List.of("layout.json", "towns.tsv")) {
            Files.copy(canonical.resolve(f), form.resolve(f));
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode template =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(canonical.resolve("template.json").toFile());
        change.accept(template);
        json.writeValue(form.resolve("template.json").toFile(), template);
        return dir;
    }

    @ParameterizedTest
    @CsvSource({"true, OK", "false, LOW_CONFIDENCE"})
    void anAgeShortOfAcceptanceIsAcceptedWhereTheAcceptedDatesOfItsRuleGiveIt(boolean ageRule, FieldStatus expected,
                                                                             @TempDir Path dir) throws Exception {
        FormTemplate t = FaxFixtures.template();
        Path fax = Files.write(dir.resolve("fax.pdf"), FaxFixtures.pdf(List.of(FaxFixtures.filledForm(t, WRITTEN, MARKED,
                FaxFixtures.Mark.CHECK)), 204, 196));
        try (TodokeEngine e = new TodokeEngine(EngineConfig.defaults().withTemplates(
                templatesWithAgesNeverOkAlone(dir.resolve("templates"), ageRule)))) {
            Map<String, FieldReading> fields = e.read(fax).forms().get(0).fields();
            // the dates the rule computes the age from are accepted themselves (1970-03-12 to 2021-01-08: 50)
            for (String key : List.of("birth_date", "diagnosis_date")) {
                assertThat(fields.get(key).status()).as(key).isEqualTo(FieldStatus.OK);
                assertThat(fields.get(key).value()).as(key).isEqualTo(EXPECTED.get(key));
            }
            assertThat(fields.get("age").value()).isEqualTo(50L);
            assertThat(fields.get("age").status()).isEqualTo(expected);
        }
    }

    /** The canonical template where an age is never accepted on its readings, dates are, and the age rule is optional. */
    static Path templatesWithAgesNeverOkAlone(Path dir, boolean ageRule) throws Exception {
        return templatesChanged(dir, template -> {
            com.fasterxml.jackson.databind.node.ObjectNode ok =
                    (com.fasterxml.jackson.databind.node.ObjectNode) template.get("thresholds").get("ok_by_type");
            ok.put("integer", 1.01);
            ok.put("date", 0.5);
            com.fasterxml.jackson.databind.node.ArrayNode rules = template.arrayNode();
            template.get("rules").forEach(r -> {
                if (ageRule || !"age_at".equals(r.get("type").asText())) {
                    rules.add(r);
                }
            });
            template.set("rules", rules);
        });
    }

    @Test
    void standardModeFaxIsReadAfterRestoringThePixelAspect(@TempDir Path dir) throws Exception {
        FormTemplate t = FaxFixtures.template();
        Map<String, String> written = new LinkedHashMap<>(WRITTEN);
        // the age does not follow from the birth date: the form must go to a clerk, with the reason
        written.put("age", "52");
        BufferedImage form = FaxFixtures.filledForm(t, written, MARKED, FaxFixtures.Mark.CROSS);
        Path fax = Files.write(dir.resolve("std.tif"), FaxFixtures.tiff(List.of(FaxFixtures.rotate(form, -1.5)), 204, 98));

        FormReading f = engine.read(fax).forms().get(0);

        assertThat(f.fields().get("sex").value()).isEqualTo("female");
        assertThat(f.fields().get("diagnosis_methods").value()).isEqualTo(List.of("pcr"));
        for (Map.Entry<String, Object> e : EXPECTED.entrySet()) {
            FieldReading r = f.fields().get(e.getKey());
            if (r.status() == FieldStatus.OK && !e.getKey().equals("age")) {
                assertThat(comparable(r.value())).as("%s accepted as ok must be right (raw %s)", e.getKey(), r.raw())
                        .isEqualTo(comparable(e.getValue()));
            }
        }
        if (Long.valueOf(52).equals(f.fields().get("age").value()) && "1970-03-12".equals(f.fields().get("birth_date").value())
                && "2021-01-08".equals(f.fields().get("diagnosis_date").value())) {
            assertThat(f.messages()).contains("診断時の年齢が生年月日と一致しません");
            assertThat(f.fields().get("age").status()).isEqualTo(FieldStatus.INVALID);
        }
        assertThat(f.readyToConfirm()).isFalse();
    }

    @Test
    void datesReallyWrittenOutOfOrderAreShownAsWrittenWithTheRuleBroken(@TempDir Path dir) throws Exception {
        FormTemplate t = FaxFixtures.template();
        Map<String, String> written = new LinkedHashMap<>(WRITTEN);
        // the clinic's own mistake: onset after diagnosis. No reading of the digits may be bent to hide it.
        written.put("onset_date", "令和3年1月20日");
        BufferedImage form = FaxFixtures.filledForm(t, written, MARKED, FaxFixtures.Mark.CHECK);
        Path fax = Files.write(dir.resolve("order.pdf"), FaxFixtures.pdf(List.of(form), 204, 196));

        FormReading f = engine.read(fax).forms().get(0);

        assertThat(f.fields().get("onset_date").value()).isEqualTo("2021-01-20");
        assertThat(f.fields().get("diagnosis_date").value()).isEqualTo("2021-01-08");
        assertThat(f.messages()).anyMatch(m -> m.startsWith("日付の前後関係が正しくありません"));
        assertThat(f.fields().get("onset_date").status()).isEqualTo(FieldStatus.INVALID);
        assertThat(f.readyToConfirm()).isFalse();
    }
}
