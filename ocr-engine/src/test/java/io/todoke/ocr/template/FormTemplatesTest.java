package io.todoke.ocr.template;

import io.todoke.ocr.FaxFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormTemplatesTest {

    @Test
    void loadsTheCanonicalTemplateWithItsSettings() {
        FormTemplate t = FaxFixtures.template();
        assertThat(t.id()).isEqualTo("covid19-notification");
        assertThat(t.version()).isEqualTo("2021-04");
        assertThat(t.fields()).hasSize(26);
        assertThat(t.field("birth_date").orElseThrow().type()).isEqualTo(FieldType.DATE);
        assertThat(t.field("symptoms").orElseThrow().options()).extracting(OptionSpec::value).contains("fever", "other");
        assertThat(t.ocrFor(t.field("facility_phone").orElseThrow()).language()).isEqualTo("eng");
        assertThat(t.rules()).hasAtLeastOneElementOfType(Rule.AgeAt.class);
        assertThat(t.thresholds().okFor(FieldType.TEXT)).isGreaterThan(t.thresholds().okFor(FieldType.DATE));
    }

    @Test
    void aFormWithoutTemplateJsonIsReadWithTheDefaultsByFieldType() {
        FormTemplate tb = FormTemplates.loadOne(FaxFixtures.TEMPLATES.resolve("tuberculosis-notification"));
        FormTemplate covid = FaxFixtures.template();

        assertThat(tb.thresholds().okFor(FieldType.ADDRESS)).isEqualTo(covid.thresholds().okFor(FieldType.ADDRESS))
                .isGreaterThan(Thresholds.defaults().ok());
        assertThat(tb.ocrFor(tb.field("diagnosis_date").orElseThrow()).whitelist()).contains("令", "年");
        assertThat(tb.ocrFor(tb.field("facility_phone").orElseThrow()).language()).isEqualTo("eng");
        assertThat(tb.reviewChars().get(FieldType.KANA)).contains("ェ");
        assertThat(tb.rules()).hasAtLeastOneElementOfType(Rule.DateOrder.class);
        assertThat(tb.coverAnchors()).contains("送付状");
    }

    @Test
    void aNewFormVersionIsJustAnotherDirectory(@TempDir Path dir) throws Exception {
        Path canonical = FaxFixtures.TEMPLATES.resolve("covid19-notification");
        Path revised = Files.createDirectories(dir.resolve("covid19-notification-2022"));
        String layout = Files.readString(canonical.resolve("layout.json")).replace("\"2021-04\"", "\"2022-09\"");
        Files.writeString(revised.resolve("layout.json"), layout);
        Files.copy(canonical.resolve("template.json"), revised.resolve("template.json"));
        Files.copy(canonical.resolve("towns.tsv"), revised.resolve("towns.tsv"));
        Files.createDirectories(dir.resolve("old"));
        Files.writeString(dir.resolve("old/layout.json"), Files.readString(canonical.resolve("layout.json")));

        FormTemplates all = FormTemplates.load(dir);

        assertThat(all.all()).extracting(FormTemplate::version).containsExactlyInAnyOrder("2021-04", "2022-09");
        assertThat(all.byId("covid19-notification@2022-09")).isPresent();
        // without a template.json the engine's defaults apply
        FormTemplate bare = all.byId("covid19-notification@2021-04").orElseThrow();
        assertThat(bare.thresholds().ok()).isEqualTo(Thresholds.defaults().ok());
    }

    @Test
    void anUnknownCheckIsAClearError(@TempDir Path dir) throws Exception {
        canonicalWith(dir, "\"checks\": [\"other_language\"]", "\"checks\": [\"twice\"]");

        assertThatThrownBy(() -> FormTemplates.load(dir)).hasMessageContaining("unknown check \"twice\"");
    }

    @Test
    void lookAlikesMapOneCharacterToTheOnesItMayStandFor(@TempDir Path dir) throws Exception {
        assertThat(FormTemplates.loadOne(FaxFixtures.TEMPLATES.resolve("covid19-notification")).lexicon().lookAlikes())
                .containsEntry('朗', "郎");

        canonicalWith(dir, "\"朗\": \"郎\"", "\"太朗\": \"郎\"");

        assertThatThrownBy(() -> FormTemplates.load(dir)).hasMessageContaining("look_alikes: \"太朗\"");
    }

    /** The canonical form under {@code dir/other}, its template.json with {@code from} replaced by {@code to}. */
    private static Path canonicalWith(Path dir, String from, String to) throws Exception {
        Path canonical = FaxFixtures.TEMPLATES.resolve("covid19-notification");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.copy(canonical.resolve("layout.json"), other.resolve("layout.json"));
        Files.copy(canonical.resolve("towns.tsv"), other.resolve("towns.tsv"));
        Files.writeString(other.resolve("template.json"), Files.readString(canonical.resolve("template.json"))
                .replace(from, to));
        return other;
    }

    @Test
    void townsComeFromThePostalCodeListTheTemplateNames() {
        FormTemplate t = FormTemplates.loadOne(FaxFixtures.TEMPLATES.resolve("covid19-notification"));
        assertThat(t.lexicon().towns().get("神戸市兵庫区")).contains("大開通", "湊川町").doesNotContain("有馬町");
        assertThat(t.lexicon().towns().get("神戸市北区")).contains("有馬町", "鈴蘭台北町");
        assertThat(t.lexicon().towns().get("西宮市")).contains("甲子園町");
        assertThat(t.lexicon().towns().get("大阪市北区")).contains("梅田");
    }

    @Test
    void aMissingOrMalformedTownListIsAClearError(@TempDir Path dir) throws Exception {
        Path other = canonicalWith(dir, "\"towns\": \"towns.tsv\"", "\"towns\": \"places/towns.tsv\"");
        assertThatThrownBy(() -> FormTemplates.loadOne(other)).hasMessageContaining("lexicon.towns: no such file")
                .hasMessageContaining("places");

        Files.writeString(Files.createDirectories(other.resolve("places")).resolve("towns.tsv"),
                "# prefecture, city, town\n兵庫県\t神戸市北区\t有馬町\n兵庫県 神戸市北区 有野町\n");
        assertThatThrownBy(() -> FormTemplates.loadOne(other)).hasMessageContaining("line 3");
    }

    @Test
    void missingDirectoryIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> FormTemplates.load(dir.resolve("nope"))).hasMessageContaining("not found");
        assertThatThrownBy(() -> FormTemplates.load(dir)).hasMessageContaining("no form template");
    }

    @Test
    void theNameDictionaryAndTheReadingSettingsComeFromConfiguration(@TempDir Path dir) throws Exception {
        FormTemplate t = FaxFixtures.template();
        assertThat(t.names().dictionary()).isEqualTo(Path.of("/usr/share/mecab/dic/ipadic/Noun.name.csv"));
        assertThat(t.names().fields()).containsEntry("patient_name", "patient_name_kana").containsEntry("physician_name", "");
        assertThat(t.names().glyphCheck()).isTrue();
        assertThat(t.thresholds().secondReadingBelow()).isEqualTo(0.9);
        assertThat(t.ocrByType().get(FieldType.DATE).confusions()).containsEntry("和", java.util.List.of("年", "令"));
        assertThat(t.ocrByType().get(FieldType.TEXT).scale()).isEqualTo(0.85);
        assertThat(t.ocrByType().get(FieldType.TEXT).otherLanguage()).isEqualTo("Japanese");
        // formatted values are checked by the other model before they are accepted
        assertThat(t.ocrByType().get(FieldType.DATE).otherLanguage()).isEqualTo("Japanese");
        assertThat(t.ocrByType().get(FieldType.PHONE).otherLanguage()).isEqualTo("Japanese");
        assertThat(t.ocrByType().get(FieldType.INTEGER).otherLanguage()).isEqualTo("Japanese");
        assertThat(t.ocrByType().get(FieldType.DATE).checks()).containsExactly(OcrSettings.Check.OTHER_LANGUAGE);
        assertThat(t.ocrByType().get(FieldType.PHONE).checks())
                .containsExactly(OcrSettings.Check.ENLARGED, OcrSettings.Check.OTHER_LANGUAGE);
        // without "checks" a value is checked as before: by the same model, enlarged
        assertThat(t.ocrByType().get(FieldType.ADDRESS).checks()).containsExactly(OcrSettings.Check.ENLARGED);
        assertThat(t.thresholds().secondReadingFor(FieldType.TEXT)).isEqualTo(0.97);
        // every doubtful address gets the further readings; a type not listed takes second_reading_below
        assertThat(t.thresholds().secondReadingFor(FieldType.ADDRESS)).isEqualTo(0.985);
        assertThat(t.thresholds().secondReadingFor(FieldType.DATE)).isEqualTo(0.9);
        // text, names among it, is checked by the other model as well as enlarged before it is accepted
        assertThat(t.ocrByType().get(FieldType.TEXT).checks())
                .containsExactly(OcrSettings.Check.ENLARGED, OcrSettings.Check.OTHER_LANGUAGE);
        FieldSpec name = t.field("physician_name").orElseThrow();
        assertThat(t.ocrFor(name).checks()).containsExactly(OcrSettings.Check.ENLARGED, OcrSettings.Check.OTHER_LANGUAGE);
        assertThat(t.ocrFor(name).scale()).isEqualTo(0.85);
        // furigana is never accepted on one reading and the name's readings choose it: no further readings are made
        // to choose what is shown
        assertThat(t.thresholds().secondReadingFor(FieldType.KANA)).isZero();
        assertThat(t.thresholds().okFor(FieldType.KANA)).isGreaterThan(1);
        // text, addresses, dates and phone numbers are accepted where every reading makes the value; an age is not (all
        // three readings dropped the 4 of 41 alike); furigana only where its name reads so too (all three readings lost
        // the voicing mark of ヤマザキ alike, and 山崎 reads both ways)
        assertThat(t.thresholds().agreedOkFor(FieldType.KANA)).isEqualTo(0.95);
        assertThat(t.thresholds().agreedOkFor(FieldType.TEXT)).isEqualTo(0.95);
        assertThat(t.thresholds().agreedOkFor(FieldType.ADDRESS)).isEqualTo(0.95);
        assertThat(t.thresholds().agreedOkFor(FieldType.DATE)).isEqualTo(0.8);
        assertThat(t.thresholds().agreedOkFor(FieldType.PHONE)).isEqualTo(0.8);
        assertThat(t.thresholds().acceptsAgreement(FieldType.INTEGER)).isFalse();
        assertThat(t.thresholds().agreedOkFor(FieldType.INTEGER)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(t.lexicon().directory()).isEqualTo(Path.of("/usr/share/mecab/dic/ipadic"));
        assertThat(t.lexicon().encoding().name()).isEqualTo("EUC-JP");
        assertThat(t.lexicon().mendByShape()).isTrue();
        assertThat(t.lexicon().grammarCheck()).isTrue();
        assertThat(t.lexicon().wards().get("神戸市")).hasSize(9).contains("東灘区", "灘区", "西区");
        assertThat(t.lexicon().terms()).contains("SpO2", "PCR");
        assertThat(t.lexicon().vocabularies().get("occupation")).contains("会社員", "保育士");
        assertThat(t.lexicon().vocabularies().get("infection_region")).hasSize(50).contains("東京都", "沖縄県");

        Path other = canonicalWith(dir, "\"glyph_check\": true", "\"glyph_check\": false");
        assertThat(FormTemplates.loadOne(other).names().glyphCheck()).isFalse();
    }

    @Test
    void aFieldsOwnReadingSettingsOverrideOnlyWhatTheyStateOfItsTypes(@TempDir Path dir) throws Exception {
        Path other = canonicalWith(dir, "\"rules\": [",
                "\"field_ocr\": {\"patient_address\": {\"checks\": [\"other_language\"]}},\n  \"rules\": [");
        FormTemplate t = FormTemplates.loadOne(other);
        OcrSettings own = t.ocrFor(t.field("patient_address").orElseThrow());
        OcrSettings type = t.ocrFor(t.field("facility_address").orElseThrow());
        assertThat(own.checks()).containsExactly(OcrSettings.Check.OTHER_LANGUAGE);
        assertThat(type.checks()).containsExactly(OcrSettings.Check.ENLARGED);
        assertThat(own).isEqualTo(new OcrSettings(type.language(), type.psm(), type.whitelist(), type.verifyScale(),
                type.scale(), type.confusions(), type.otherLanguage(), own.checks()));
    }
}
