package io.todoke.ocr.template;

import java.util.List;

/** A cross-field rule of a form template; {@code message} is shown to a clerk (Japanese). */
public sealed interface Rule {

    String message();

    /** The listed date fields, where present, must not decrease. */
    record DateOrder(List<String> fields, String message) implements Rule {
        public DateOrder {
            fields = List.copyOf(fields);
        }
    }

    /** {@code age} must equal the full years from {@code birth} to {@code at}. */
    record AgeAt(String birth, String at, String age, String message) implements Rule {
    }

    /** {@code field} may only be filled when choice {@code when} has one of {@code values}. */
    record OnlyWhen(String field, String when, List<String> values, String message) implements Rule {
        public OnlyWhen {
            values = List.copyOf(values);
        }
    }

    /**
     * The listed date fields, where present, must lie in [{@code min}, {@code max}]: ISO dates, or {@code today}.
     * Catches a misread digit that moves a date to an impossible year (2029 for 2020) even when the fields it
     * would be compared with are empty.
     */
    record DateRange(List<String> fields, String min, String max, String message) implements Rule {
        public DateRange {
            fields = List.copyOf(fields);
        }
    }
}
