package io.todoke.store.followup;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One field of a follow-up record as configured: its key, Japanese label, type and (for choices) options.
 * {@link #parse} turns what a nurse typed into the stored value or refuses it with a Japanese reason.
 */
public record FieldDefinition(String key, String label, FieldType type, List<Option> options, boolean required) {

    /** A choice: the stored value and the label shown. */
    public record Option(String value, String label) {
    }

    public FieldDefinition {
        if (key == null || !key.matches("[a-z][a-z0-9_]{0,49}")) {
            throw new IllegalArgumentException("follow-up field key '" + key + "' must be lower-case letters, digits, _");
        }
        label = label == null || label.isBlank() ? key : label;
        type = type == null ? FieldType.TEXT : type;
        options = options == null ? List.of() : List.copyOf(options);
        if ((type == FieldType.CHOICE || type == FieldType.MULTI_CHOICE) && options.isEmpty()) {
            throw new IllegalArgumentException("follow-up field '" + key + "' is a choice without options");
        }
    }

    /**
     * The typed value of what was entered (a form sends strings; several for a multi-choice): String, ISO date
     * String, Long, Boolean or List of Strings; null when nothing was entered.
     *
     * @throws IllegalArgumentException with a Japanese reason for the page
     */
    public Object parse(List<String> entered) {
        List<String> given = entered == null ? List.of()
                : entered.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        if (given.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("「" + label + "」を入力してください");
            }
            return type == FieldType.BOOLEAN ? Boolean.FALSE : null;
        }
        String one = given.get(0);
        return switch (type) {
            case TEXT -> {
                if (one.length() > 4000) {
                    throw new IllegalArgumentException("「" + label + "」は4000文字以内で入力してください");
                }
                yield one;
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(one.replace('/', '-')).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("「" + label + "」は日付（例 2026-12-07）で入力してください");
                }
            }
            case INTEGER -> {
                try {
                    yield Long.parseLong(one);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("「" + label + "」は整数で入力してください");
                }
            }
            case BOOLEAN -> switch (one) {
                case "true", "on", "yes", "1" -> Boolean.TRUE;
                case "false", "off", "no", "0" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("「" + label + "」は はい／いいえ で選んでください");
            };
            case CHOICE -> {
                requireOption(one);
                yield one;
            }
            case MULTI_CHOICE -> {
                List<String> out = new ArrayList<>();
                for (String v : given) {
                    requireOption(v);
                    if (!out.contains(v)) {
                        out.add(v);
                    }
                }
                yield List.copyOf(out);
            }
        };
    }

    /** A stored value as the pages show it: option labels instead of codes, はい／いいえ. */
    public String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "はい" : "いいえ";
        }
        if (value instanceof List<?> list) {
            return String.join("、", list.stream().map(v -> optionLabel(String.valueOf(v))).toList());
        }
        return type == FieldType.CHOICE ? optionLabel(value.toString()) : value.toString();
    }

    public String optionLabel(String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }

    private void requireOption(String value) {
        if (options.stream().noneMatch(o -> o.value().equals(value))) {
            throw new IllegalArgumentException("「" + label + "」は一覧から選んでください");
        }
    }
}
