package io.todoke.ocr;

import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.FormTemplates;
import io.todoke.ocr.template.OptionSpec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form versions the engine reads, as a person sees them: each field's key, printed label, type and options.
 * Parsed by the engine's own template loader, so the pages show exactly the fields the engine reads.
 */
public final class FormCatalog {

    /** An option of a choice or multi_choice field: the stored value and its printed label. */
    public record Option(String value, String label) {
    }

    /**
     * A field of a form.
     *
     * @param type the field type's name in {@code layout.json}: text, address, kana, date, integer, phone, choice,
     *             multi_choice
     */
    public record Field(String key, String label, String type, boolean required, List<Option> options) {
        public Field {
            options = List.copyOf(options);
        }

        /** Check boxes rather than written text. */
        public boolean marks() {
            return FieldValues.isMarkType(type);
        }
    }

    /** One version of a form, of the disease it reports. */
    public record Form(String formId, String version, String title, Disease disease, List<Field> fields) {
        public Form {
            fields = List.copyOf(fields);
        }

        public Optional<Field> field(String key) {
            return fields.stream().filter(f -> f.key().equals(key)).findFirst();
        }
    }

    private final List<Form> forms;

    private FormCatalog(List<Form> forms) {
        this.forms = List.copyOf(forms);
    }

    /**
     * The forms under a templates directory (each sub-directory a form version with its {@code layout.json}).
     *
     * @throws IllegalArgumentException when the directory does not exist or holds no form
     */
    public static FormCatalog load(Path dir) {
        return new FormCatalog(FormTemplates.load(dir).all().stream().map(FormCatalog::form).toList());
    }

    /** Every form version, in the order of their directories. */
    public List<Form> forms() {
        return forms;
    }

    /** The diseases of the forms, each once, in the order of their forms' directories. */
    public List<Disease> diseases() {
        Map<String, Disease> byCode = new LinkedHashMap<>();
        forms.forEach(f -> byCode.putIfAbsent(f.disease().code(), f.disease()));
        return List.copyOf(byCode.values());
    }

    /** The disease of this code, as its first form names it. */
    public Optional<Disease> disease(String code) {
        return diseases().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The forms of a disease, every version, in the order of their directories. */
    public List<Form> formsOf(String diseaseCode) {
        return forms.stream().filter(f -> f.disease().code().equals(diseaseCode)).toList();
    }

    /** This version of the form or, when that version is unknown, the form's last version. */
    public Optional<Form> form(String formId, String version) {
        return forms.stream().filter(f -> f.formId().equals(formId) && f.version().equals(version)).findFirst()
                .or(() -> forms.stream().filter(f -> f.formId().equals(formId)).reduce((a, b) -> b));
    }

    private static Form form(FormTemplate t) {
        return new Form(t.id(), t.version(), t.title(), t.disease(), t.fields().stream().map(FormCatalog::field).toList());
    }

    private static Field field(FieldSpec f) {
        return new Field(f.key(), f.label(), f.type().json(), f.required(),
                f.options().stream().map((OptionSpec o) -> new Option(o.value(), o.label())).toList());
    }
}
