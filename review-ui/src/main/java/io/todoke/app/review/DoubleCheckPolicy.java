package io.todoke.app.review;

import io.todoke.ocr.FieldReading;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.NotificationCase;
import org.springframework.stereotype.Component;

import java.util.List;

/** Decides, from the settings and the reading, which fields of a case a second clerk types blind. */
@Component
public class DoubleCheckPolicy {

    private final DoubleCheckProperties settings;

    public DoubleCheckPolicy(DoubleCheckProperties settings) {
        this.settings = settings;
    }

    /** The fields to type twice before this case can be confirmed; empty: none, confirm at once. */
    public List<String> fieldsFor(NotificationCase c) {
        if (settings.when() == DoubleCheckProperties.When.OFF || c.state() != CaseState.AWAITING_REVIEW
                || c.templateId() == null) {
            return List.of();
        }
        return settings.fields().stream()
                .filter(key -> c.fields().containsKey(key))
                .filter(key -> settings.when() == DoubleCheckProperties.When.ALL || doubtful(c.fields().get(key)))
                .toList();
    }

    private static boolean doubtful(FieldReading reading) {
        return reading.status().needsReview();
    }
}
