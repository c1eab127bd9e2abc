package io.todoke.store.cases;

import io.todoke.ocr.FieldReading;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Review queue priority: 0 deceased, 1 aged 65 or more, 2 everyone else (then oldest first). */
public final class CasePriority {

    public static final int DECEASED = 0;
    public static final int ELDERLY = 1;
    public static final int OTHER = 2;

    private CasePriority() {
    }

    public static int of(Map<String, FieldReading> fields) {
        Object type = value(fields, "case_type");
        if ("deceased".equals(type) || "suspected_deceased".equals(type) || value(fields, "death_date") != null) {
            return DECEASED;
        }
        Integer age = age(fields);
        return age != null && age >= 65 ? ELDERLY : OTHER;
    }

    private static Integer age(Map<String, FieldReading> fields) {
        Object age = value(fields, "age");
        if (age instanceof Number n) {
            return n.intValue();
        }
        LocalDate birth = date(value(fields, "birth_date"));
        if (birth == null) {
            return null;
        }
        LocalDate at = date(value(fields, "diagnosis_date"));
        if (at == null) {
            at = date(value(fields, "report_date"));
        }
        return Period.between(birth, at != null ? at : LocalDate.now()).getYears();
    }

    private static Object value(Map<String, FieldReading> fields, String key) {
        FieldReading f = fields.get(key);
        return f == null ? null : f.value();
    }

    private static LocalDate date(Object value) {
        if (value instanceof String s) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
