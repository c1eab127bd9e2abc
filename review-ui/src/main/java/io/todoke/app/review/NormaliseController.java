package io.todoke.app.review;

import io.todoke.ocr.FieldValues;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Validation as the clerk types: the page shows the value that would be stored, or why it cannot be, by the engine's
 * own normalisation, so typed and read values look alike.
 */
@RestController
class NormaliseController {

    record Request(String type, String text) {
    }

    /**
     * @param value    the normalised value (String, Long), or null for an empty field
     * @param messages why the text is not a valid value of the type (Japanese); empty when it is
     */
    record Answer(Object value, List<String> messages) {
    }

    @PostMapping("/api/normalise")
    Answer normalise(@RequestBody Request request) {
        FieldValues.Normalised n = FieldValues.normalise(request.type(), request.text());
        return new Answer(n.value(), n.problems());
    }
}
