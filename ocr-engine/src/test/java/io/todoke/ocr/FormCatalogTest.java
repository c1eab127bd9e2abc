package io.todoke.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormCatalogTest {

    private static final FormCatalog FORMS = FormCatalog.load(Path.of("../config/forms"));

    @Test
    void theLibrarysFormsComeWithTheirFieldsLabelsTypesAndOptions() {
        FormCatalog.Form covid = FORMS.form("covid19-notification", "no-such-version").orElseThrow();
        FormCatalog.Field birth = covid.field("birth_date").orElseThrow();
        assertThat(birth.type()).isEqualTo("date");
        assertThat(birth.label()).isNotBlank();
        assertThat(birth.marks()).isFalse();
        FormCatalog.Field sex = covid.field("sex").orElseThrow();
        assertThat(sex.marks()).isTrue();
        assertThat(sex.options()).extracting(FormCatalog.Option::value).contains("male", "female");
    }

    @Test
    void aFormVersionsBlankRendersAsAPngOfThePageWithEachFieldsZoneOnIt() throws Exception {
        byte[] png = FORMS.blankPng("covid19-notification", "2021-04", 2).orElseThrow();
        java.awt.image.BufferedImage blank = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(blank.getWidth()).isEqualTo(420);
        assertThat(blank.getHeight()).isEqualTo(594);
        FormCatalog.Form covid = FORMS.form("covid19-notification", "2021-04").orElseThrow();
        assertThat(FORMS.zones("covid19-notification", "2021-04")).extracting(FormCatalog.Zone::key)
                .containsExactlyElementsOf(covid.fields().stream().map(FormCatalog.Field::key).toList());
        assertThat(FORMS.zones("covid19-notification", "2021-04")).allSatisfy(z -> {
            assertThat(z.left()).isBetween(0.0, 1.0);
            assertThat(z.top() + z.height()).isBetween(0.0, 1.0);
            assertThat(z.width()).isPositive();
        });
        assertThat(FORMS.blankPng("covid19-notification", "no-such-version", 2)).isEmpty();
        assertThat(FORMS.zones("no-such-form", "2021-04")).isEmpty();
    }

    @Test
    void aFormVersionTellsWhetherItHasItsOwnSettingsAndGivesItsLayoutAsOnDisk() throws Exception {
        assertThat(FORMS.ownSettings("covid19-notification", "2021-04")).contains(true);
        assertThat(FORMS.ownSettings("measles-notification", "2024-04")).contains(false);
        assertThat(FORMS.ownSettings("covid19-notification", "no-such-version")).isEmpty();
        assertThat(FORMS.layoutJson("measles-notification", "2024-04")).hasValueSatisfying(json -> assertThat(json)
                .isEqualTo(uncheckedRead(Path.of("../config/forms/measles-notification/layout.json"))));
        assertThat(FORMS.layoutJson("no-such-form", "2024-04")).isEmpty();
    }

    private static byte[] uncheckedRead(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void eachFormNamesTheDiseaseItReports() {
        FormCatalog.Form covid = FORMS.form("covid19-notification", "2021-04").orElseThrow();
        assertThat(covid.disease()).isEqualTo(new Disease("covid19", "新型コロナウイルス感染症"));
        assertThat(FORMS.diseases()).contains(covid.disease());
        assertThat(FORMS.formsOf("covid19")).contains(covid);
        assertThat(FORMS.disease("covid19")).contains(covid.disease());
    }

    @Test
    void aFormWithoutADiseaseIsItsOwnDiseaseNamedByItsTitle(@TempDir Path dir) throws Exception {
        Path form = Files.createDirectories(dir.resolve("made-up-notification"));
        Files.writeString(form.resolve("layout.json"), """
                {"form_id": "made-up-notification", "version": "1", "title": "架空症発生届",
                 "fields": [{"key": "report_date", "label": "報告年月日", "type": "date",
                             "box": {"x": 10, "y": 10, "w": 50, "h": 8}}]}
                """);
        FormCatalog catalog = FormCatalog.load(dir);
        assertThat(catalog.forms()).singleElement().satisfies(f ->
                assertThat(f.disease()).isEqualTo(new Disease("made-up", "架空症発生届")));
    }

    @Test
    void aKnownVersionIsReturnedExactlyAndAnUnknownFormIsEmpty() {
        FormCatalog.Form any = FORMS.forms().get(0);
        assertThat(FORMS.form(any.formId(), any.version())).contains(any);
        assertThat(FORMS.form("no-such-form", any.version())).isEmpty();
    }
}
