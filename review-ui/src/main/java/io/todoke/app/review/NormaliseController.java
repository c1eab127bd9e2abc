package io.todoke.app.review;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Validation as the clerk types: the page shows the value that would be stored, or why it cannot be. */
@RestController
public class NormaliseController {

    record Request(String type, String text) {
    }

    private final FieldNormaliser normaliser;

    public NormaliseController(FieldNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    @PostMapping("/api/normalise")
    FieldNormaliser.Normalised normalise(@RequestBody Request request) {
        return normaliser.normalise(request.type(), request.text());
    }
}
