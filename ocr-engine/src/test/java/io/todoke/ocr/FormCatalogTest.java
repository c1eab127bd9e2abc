package io.todoke.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

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
    void aKnownVersionIsReturnedExactlyAndAnUnknownFormIsEmpty() {
        FormCatalog.Form any = FORMS.forms().get(0);
        assertThat(FORMS.form(any.formId(), any.version())).contains(any);
        assertThat(FORMS.form("no-such-form", any.version())).isEmpty();
    }
}
