package io.todoke.ocr.steps;

import io.todoke.ocr.read.OcrText;
import io.todoke.ocr.validate.FormValidator;
import io.todoke.ocr.validate.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mends: the form's rules object to dates or an age as read (an onset after the diagnosis, an age that does not match
 * the birth date): the usual cause is one misread or dropped digit. For each field a rule names, the other values its
 * readings allow (the recogniser's alternatives, readings at other scales) are tried, and the first that leaves fewer
 * rules broken is taken; every field the resolved rules named is marked for a clerk to check, since which of them was
 * misread is a guess. A value later readings made, overruling the first, was settled by two of them: changed last.
 */
final class ReconcileWithRules implements FormStep {

    /** Values per reading tried when the form's rules object to a field. */
    static final int RECONCILE_OPTIONS = 4;
    /**
     * A value tried must have been read at least this surely: only what the recogniser itself saw, as a known
     * confusion alone is too weak to overrule a clerk's view of dates that really were written out of order.
     */
    static final double RECONCILE_MIN_CONFIDENCE = 0.5;

    @Override
    public String name() {
        return "reconcile-with-rules";
    }

    @Override
    public Kind kind() {
        return Kind.MEND;
    }

    @Override
    public void apply(Map<String, Candidate> fields, StepContext ctx) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((k, d) -> values.put(k, d.value()));
        List<Violation> violations = FormValidator.validate(ctx.template().rules(), values);
        if (violations.isEmpty()) {
            return;
        }
        List<String> involved = new ArrayList<>();
        List<String> settled = new ArrayList<>();
        for (String key : new LinkedHashSet<>(violations.stream().flatMap(v -> v.fields().stream()).toList())) {
            (overruledFirstReading(fields.get(key), ctx) ? settled : involved).add(key);
        }
        involved.addAll(settled);
        for (String key : involved) {
            Candidate d = fields.get(key);
            if (d == null || d.readings() == null || d.value() == null || !FieldFormat.constrained(d.spec().type())) {
                continue;
            }
            for (Interpretation option : otherValues(d, ctx)) {
                Map<String, Object> tried = new LinkedHashMap<>(values);
                tried.put(key, option.normalised().value());
                List<Violation> left = FormValidator.validate(ctx.template().rules(), tried);
                if (left.size() < violations.size()) {
                    d.replaceValue(option.normalised().value(), option.raw());
                    for (Violation resolved : violations) {
                        if (!left.contains(resolved)) {
                            resolved.fields().forEach(k -> {
                                Candidate other = fields.get(k);
                                if (other != null && other.value() != null) {
                                    other.doubts.add(Messages.RECONCILED);
                                }
                            });
                        }
                    }
                    values.put(key, option.normalised().value());
                    violations = left;
                    break;
                }
            }
            if (violations.isEmpty()) {
                break;
            }
        }
    }

    /** Whether a candidate's value is not what its first reading makes of it (a rescued or settled value). */
    private static boolean overruledFirstReading(Candidate d, StepContext ctx) {
        if (d == null || d.readings() == null || d.readings().first() == null || d.value() == null) {
            return false;
        }
        Object first = ctx.format().interpret(d.spec(), d.readings().first()).normalised().value();
        return !String.valueOf(first).equals(String.valueOf(d.value()));
    }

    /** Values of a field its readings allow besides the one taken, likeliest first. */
    private static List<Interpretation> otherValues(Candidate d, StepContext ctx) {
        ZoneReadings z = d.readings();
        z.withAlternatives();
        List<OcrText> readings = new ArrayList<>(List.of(z.first()));
        if (z.verifiable()) {
            readings.add(z.enlarged());
            readings.add(z.at(CheckReading.RESCUE_CHECK_SCALE));
            readings.add(z.at(RescueByScale.SETTLING_SCALE));
        }
        List<Interpretation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(String.valueOf(d.value()));
        for (OcrText r : readings) {
            for (Interpretation i : ctx.format().options(d.spec(), r, RECONCILE_OPTIONS, RECONCILE_MIN_CONFIDENCE)) {
                if (seen.add(String.valueOf(i.normalised().value()))) {
                    out.add(i);
                }
            }
        }
        return out;
    }
}
