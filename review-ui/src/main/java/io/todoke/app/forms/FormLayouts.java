package io.todoke.app.forms;

import io.todoke.app.TodokeProperties;
import io.todoke.ocr.FormCatalog;
import org.springframework.stereotype.Component;

import io.todoke.ocr.Disease;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The form layouts under {@code todoke.forms-dir} as the engine reads them: labels, types, required flags and
 * options the review page shows. Forms are configuration, so a new version is a new directory, read at start.
 */
@Component
public class FormLayouts {

    private final FormCatalog catalog;

    public FormLayouts(TodokeProperties properties) {
        if (!Files.isDirectory(properties.formsPath())) {
            throw new IllegalStateException("The form layouts directory " + properties.formsPath().toAbsolutePath()
                    + " does not exist; set todoke.forms-dir to the directory holding <form>/layout.json");
        }
        this.catalog = FormCatalog.load(properties.formsPath());
    }

    /** The layout of this form version, or the newest of the form if that version is unknown. */
    public Optional<FormCatalog.Form> layout(String formId, String version) {
        return catalog.form(formId, version);
    }

    /** Every form version of the library, in the order of their directories. */
    public List<FormCatalog.Form> forms() {
        return catalog.forms();
    }

    /** Exactly this form version (no fallback to the newest): what the form library page shows. */
    public Optional<FormCatalog.Form> exactly(String formId, String version) {
        return catalog.form(formId, version).filter(f -> f.version().equals(version));
    }

    /** Where each field of this form version is read, as shares of the page. */
    public List<FormCatalog.Zone> zones(String formId, String version) {
        return catalog.zones(formId, version);
    }

    /** The blank form of this version as the engine renders it, as a PNG. */
    public Optional<byte[]> blankPng(String formId, String version, double pxPerMm) {
        return catalog.blankPng(formId, version, pxPerMm);
    }

    /** Whether this form version has its own settings ({@code template.json}) rather than the defaults by type. */
    public boolean ownSettings(String formId, String version) {
        return catalog.ownSettings(formId, version).orElse(false);
    }

    /** The {@code layout.json} of this form version as it is on disk. */
    public Optional<byte[]> layoutJson(String formId, String version) {
        return catalog.layoutJson(formId, version);
    }

    /** The diseases of the forms, each once: the choices of the disease filters. */
    public List<Disease> diseases() {
        return catalog.diseases();
    }

    /** A disease's Japanese name ({@code @formLayouts.diseaseName(code)} on pages); the code when no form has it. */
    public String diseaseName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return catalog.disease(code).map(Disease::name).orElse(code);
    }

    /**
     * The options of the field {@code key} over every form that has it, each value once, in form order: the choices
     * of a search filter (類型) without a list of our own.
     */
    public List<FormCatalog.Option> options(String key) {
        java.util.Map<String, FormCatalog.Option> byValue = new java.util.LinkedHashMap<>();
        catalog.forms().forEach(form -> form.field(key)
                .ifPresent(f -> f.options().forEach(o -> byValue.putIfAbsent(o.value(), o))));
        return List.copyOf(byValue.values());
    }

    /** The newest form of a disease (the last version in directory order), whose fields its exports list. */
    public Optional<FormCatalog.Form> newestOf(String diseaseCode) {
        List<FormCatalog.Form> forms = catalog.formsOf(diseaseCode);
        return forms.isEmpty() ? Optional.empty() : Optional.of(forms.get(forms.size() - 1));
    }
}
