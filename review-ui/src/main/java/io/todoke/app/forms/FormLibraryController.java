package io.todoke.app.forms;

import io.todoke.app.Labels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The form library (帳票（様式）一覧) for an administrator: the forms this instance reads from {@code todoke.forms-dir},
 * each with its fields and its blank form with the read zones drawn over it. Read-only: forms are configuration.
 */
@Controller
public class FormLibraryController {

    private static final Logger LOG = LoggerFactory.getLogger(FormLibraryController.class);
    /** About 100 dpi: the whole A4 page fits a laptop screen and the printed labels stay legible. */
    private static final double BLANK_PX_PER_MM = 4;

    private final FormLayouts forms;

    public FormLibraryController(FormLayouts forms) {
        this.forms = forms;
    }

    @GetMapping("/admin/forms")
    String list(Model model) {
        model.addAttribute("forms", forms.forms());
        return "admin-forms";
    }

    @GetMapping("/admin/forms/{formId}/{version}")
    String form(@PathVariable String formId, @PathVariable String version, Model model) {
        model.addAttribute("form", forms.exactly(formId, version).orElseThrow(() -> new UnknownForm(formId, version)));
        model.addAttribute("zones", forms.zones(formId, version));
        model.addAttribute("types", Labels.FIELD_TYPE);
        model.addAttribute("ownSettings", forms.ownSettings(formId, version));
        return "admin-form";
    }

    @GetMapping("/admin/forms/{formId}/{version}/blank.png")
    ResponseEntity<byte[]> blank(@PathVariable String formId, @PathVariable String version) {
        byte[] png = forms.blankPng(formId, version, BLANK_PX_PER_MM)
                .orElseThrow(() -> new UnknownForm(formId, version));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }

    @GetMapping("/admin/forms/{formId}/{version}/layout.json")
    ResponseEntity<byte[]> layout(@PathVariable String formId, @PathVariable String version) {
        byte[] json = forms.layoutJson(formId, version).orElseThrow(() -> new UnknownForm(formId, version));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(formId + "-" + version + "-layout.json").build().toString())
                .body(json);
    }

    @ExceptionHandler(UnknownForm.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknown(UnknownForm e, Model model) {
        // the ids come from the address bar as typed, so they stay out of the log line
        LOG.info("A form page asked for a form version the library does not have");
        model.addAttribute("message", "この帳票（様式）は登録されていません");
        return "admin-form-missing";
    }

    private static final class UnknownForm extends RuntimeException {
        UnknownForm(String formId, String version) {
            super("no form " + formId + "@" + version, null, false, false);
        }
    }
}
