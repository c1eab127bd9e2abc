package io.todoke.store.followup;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;

/** The kinds of value a follow-up field holds, as the configuration names them. */
public enum FieldType {
    TEXT, DATE, CHOICE, MULTI_CHOICE, INTEGER, BOOLEAN;

    @JsonCreator
    public static FieldType of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown follow-up field type '" + name
                    + "' (text, date, choice, multi_choice, integer, boolean)");
        }
    }
}
