package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.normalise.Normalised;
import io.todoke.ocr.read.ConstrainedDecoding;
import io.todoke.ocr.read.OcrText;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FieldType;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.Rule;
import io.todoke.ocr.validate.FormValidator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a reading means as a value of its field: its format, the field's own rules, the recogniser's alternatives. */
public final class FieldFormat {

    /** Candidates tried among the recogniser's alternatives before a reading is taken as it is. */
    static final int DECODING_BUDGET = 200;

    private final FormTemplate template;
    private final Map<String, List<Rule>> ownRules;

    public FieldFormat(FormTemplate template) {
        this.template = template;
        this.ownRules = ownRules(template);
    }

    /** Types whose format is strict enough to choose among the recogniser's alternatives. */
    public static boolean constrained(FieldType type) {
        return type == FieldType.DATE || type == FieldType.PHONE || type == FieldType.INTEGER;
    }

    /** Whether two readings mean the same: equal normalised values, spaces ignored. */
    public static boolean sameValue(Normalised first, Normalised second) {
        String a = String.valueOf(first.value()).replaceAll("\\s+", "");
        String b = String.valueOf(second.value()).replaceAll("\\s+", "");
        return first.valid() == second.valid() && a.equals(b);
    }

    public static boolean isEmpty(Object v) {
        return v == null || (v instanceof List<?> l && l.isEmpty());
    }

    /** The value a reading makes: for a formatted type, the likeliest text among its alternatives that fits. */
    public Interpretation interpret(FieldSpec f, OcrText reading) {
        if (constrained(f.type())) {
            Optional<ConstrainedDecoding.Candidate> c = ConstrainedDecoding.best(reading, template.ocrFor(f).confusions(),
                    raw -> acceptable(f, raw), DECODING_BUDGET);
            OcrText day = c.isEmpty() && f.type() == FieldType.DATE ? ConstrainedDecoding.dayMarkReadAsOnes(reading) : null;
            if (day != null) {
                c = ConstrainedDecoding.best(day, template.ocrFor(f).confusions(), raw -> acceptable(f, raw), DECODING_BUDGET);
            }
            if (c.isPresent()) {
                return new Interpretation(c.get().text(), FieldNormaliser.normalise(f.type(), c.get().text()),
                        c.get().confidence());
            }
        }
        return new Interpretation(reading.text(), FieldNormaliser.normalise(f.type(), reading.text()), reading.confidence());
    }

    /** Up to {@code max} values a reading allows that fit the field, each at least {@code minConfidence} sure. */
    List<Interpretation> options(FieldSpec f, OcrText reading, int max, double minConfidence) {
        List<Interpretation> out = new ArrayList<>();
        for (ConstrainedDecoding.Candidate c : ConstrainedDecoding.accepted(reading, template.ocrFor(f).confusions(),
                raw -> acceptable(f, raw), DECODING_BUDGET, max)) {
            if (c.confidence() >= minConfidence) {
                out.add(new Interpretation(c.text(), FieldNormaliser.normalise(f.type(), c.text()), c.confidence()));
            }
        }
        return out;
    }

    /** Whether a text is a valid value of the field on its own: its format and its own range rules. */
    public boolean acceptable(FieldSpec f, String raw) {
        Normalised n = FieldNormaliser.normalise(f.type(), raw);
        if (!n.valid() || n.value() == null) {
            return false;
        }
        List<Rule> own = ownRules.getOrDefault(f.key(), List.of());
        return own.isEmpty() || FormValidator.validate(own, Map.of(f.key(), n.value())).isEmpty();
    }

    /** The rules that judge one field alone (date ranges), by field key. */
    private static Map<String, List<Rule>> ownRules(FormTemplate t) {
        Map<String, List<Rule>> out = new LinkedHashMap<>();
        for (Rule r : t.rules()) {
            if (r instanceof Rule.DateRange d) {
                for (String key : d.fields()) {
                    out.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Rule.DateRange(List.of(key), d.min(), d.max(), d.message()));
                }
            }
        }
        return out;
    }
}
