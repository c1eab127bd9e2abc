package io.todoke.app.forms;

import io.todoke.app.TodokeProperties;
import io.todoke.ocr.FormCatalog;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
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
}
