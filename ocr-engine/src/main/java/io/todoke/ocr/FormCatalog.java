package io.todoke.ocr;

import io.todoke.ocr.align.BlankForm;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.FormTemplates;
import io.todoke.ocr.template.OptionSpec;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    /**
     * Where a field is read on its form, as shares of the page's width and height (0 to 1 from the top-left corner),
     * so that a page can draw it over the blank form at any size.
     */
    public record Zone(String key, double left, double top, double width, double height) {
    }

    /** A form version as loaded, with the directory it came from. */
    private record Source(FormTemplate template, Path dir) {
    }

    private final List<Source> sources;
    private final List<Form> forms;

    private FormCatalog(List<Source> sources) {
        this.sources = List.copyOf(sources);
        this.forms = sources.stream().map(s -> form(s.template())).toList();
    }

    /**
     * The forms under a templates directory (each sub-directory a form version with its {@code layout.json}).
     *
     * @throws IllegalArgumentException when the directory does not exist or holds no form
     */
    public static FormCatalog load(Path dir) {
        return new FormCatalog(FormTemplates.templateDirs(dir).stream()
                .map(d -> new Source(FormTemplates.loadOne(d), d)).toList());
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

    /** The read zones of exactly this form version, in field order; empty when the version is unknown. */
    public List<Zone> zones(String formId, String version) {
        return exactly(formId, version).map(t -> t.fields().stream()
                .map(f -> new Zone(f.key(), f.box().x() / t.widthMm(), f.box().y() / t.heightMm(),
                        f.box().w() / t.widthMm(), f.box().h() / t.heightMm()))
                .toList()).orElse(List.of());
    }

    /**
     * The blank form of exactly this version as the engine renders it from the layout (the image it aligns faxes to),
     * as a PNG; empty when the version is unknown.
     */
    public Optional<byte[]> blankPng(String formId, String version, double pxPerMm) {
        return exactly(formId, version).map(t -> {
            try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
                ImageIO.write(BlankForm.render(t, pxPerMm).toImage(), "png", png);
                return png.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Whether exactly this form version has settings of its own ({@code template.json}) rather than the engine's
     * defaults by field type; empty when the version is unknown.
     */
    public Optional<Boolean> ownSettings(String formId, String version) {
        return source(formId, version).map(s -> Files.isRegularFile(s.dir().resolve("template.json")));
    }

    /** The {@code layout.json} of exactly this form version as it is on disk; empty when the version is unknown. */
    public Optional<byte[]> layoutJson(String formId, String version) {
        return source(formId, version).map(s -> {
            try {
                return Files.readAllBytes(FormTemplates.layoutFile(s.dir()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Optional<FormTemplate> exactly(String formId, String version) {
        return source(formId, version).map(Source::template);
    }

    private Optional<Source> source(String formId, String version) {
        return sources.stream()
                .filter(s -> s.template().id().equals(formId) && s.template().version().equals(version)).findFirst();
    }

    private static Form form(FormTemplate t) {
        return new Form(t.id(), t.version(), t.title(), t.disease(), t.fields().stream().map(FormCatalog::field).toList());
    }

    private static Field field(FieldSpec f) {
        return new Field(f.key(), f.label(), f.type().json(), f.required(),
                f.options().stream().map((OptionSpec o) -> new Option(o.value(), o.label())).toList());
    }
}
