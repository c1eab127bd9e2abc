package io.todoke.ocr.validate;

import io.todoke.ocr.template.Rule;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a form's normalised values against its template's cross-field rules. Pure. */
public final class FormValidator {

    private FormValidator() {
    }

    /** @param values normalised values by field key (dates as yyyy-MM-dd, integers as Long, choices as String) */
    public static List<Violation> validate(List<Rule> rules, Map<String, Object> values) {
        return validate(rules, values, LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")));
    }

    /** @param today the day a {@code today} bound in a rule stands for */
    public static List<Violation> validate(List<Rule> rules, Map<String, Object> values, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof Rule.DateOrder r) {
                dateOrder(r, values, out);
            } else if (rule instanceof Rule.AgeAt r) {
                ageAt(r, values, out);
            } else if (rule instanceof Rule.DateRange r) {
                LocalDate min = bound(r.min(), today);
                LocalDate max = bound(r.max(), today);
                for (String key : r.fields()) {
                    LocalDate d = date(values.get(key));
                    if (d != null && (d.isBefore(min) || d.isAfter(max))) {
                        out.add(new Violation(r.message(), List.of(key)));
                    }
                }
            } else if (rule instanceof Rule.OnlyWhen r) {
                Object v = values.get(r.field());
                Object when = values.get(r.when());
                if (v != null && (when == null || !r.values().contains(when.toString()))) {
                    out.add(new Violation(r.message(), List.of(r.field(), r.when())));
                }
            }
        }
        return out;
    }

    private static void dateOrder(Rule.DateOrder r, Map<String, Object> values, List<Violation> out) {
        String prevKey = null;
        LocalDate prev = null;
        for (String key : r.fields()) {
            LocalDate d = date(values.get(key));
            if (d == null) {
                continue;
            }
            if (prev != null && d.isBefore(prev)) {
                out.add(new Violation(r.message(), List.of(prevKey, key)));
                return;
            }
            prev = d;
            prevKey = key;
        }
    }

    private static void ageAt(Rule.AgeAt r, Map<String, Object> values, List<Violation> out) {
        LocalDate birth = date(values.get(r.birth()));
        LocalDate at = date(values.get(r.at()));
        Object age = values.get(r.age());
        if (birth == null || at == null || !(age instanceof Number n)) {
            return;
        }
        if (Period.between(birth, at).getYears() != n.longValue()) {
            out.add(new Violation(r.message(), List.of(r.birth(), r.age())));
        }
    }

    private static LocalDate bound(String bound, LocalDate today) {
        return "today".equals(bound) ? today : LocalDate.parse(bound);
    }

    public static LocalDate date(Object v) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
