package io.todoke.store.followup;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A disease's follow-up as configured in {@code config/followup/<disease>.json} (docs/FOLLOWUP.md): the statuses a
 * ward moves a case through, first to last, and the fields of each kind of record.
 *
 * @param statuses            in order; the first is "not contacted yet", the last "closed"
 * @param interview           fields of the first interview (疫学調査)
 * @param observation         fields of one health-observation entry (健康観察)
 * @param note                fields of a free note
 * @param stayField           the interview field that says where the patient stays (for lists and statistics)
 * @param hospitalisedValue   the value of {@code stayField} that means in hospital (入院中)
 * @param observationEndField the interview field holding the day observation ends (観察終了予定日)
 */
public record FollowUpForm(List<Status> statuses, List<FieldDefinition> interview, List<FieldDefinition> observation,
                           List<FieldDefinition> note, String stayField, String hospitalisedValue,
                           String observationEndField) {

    /** A follow-up status: a stable code (stored, sent in webhooks) and its Japanese label. */
    public record Status(String code, String label) {
        public Status {
            if (code == null || !code.matches("[a-z][a-z0-9_]{0,49}")) {
                throw new IllegalArgumentException("follow-up status code '" + code + "' must be lower-case letters, digits, _");
            }
            label = label == null || label.isBlank() ? code : label;
        }
    }

    public FollowUpForm {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        if (statuses.size() < 2) {
            throw new IllegalArgumentException("a follow-up needs at least two statuses (the first and the closing one)");
        }
        Set<String> codes = new HashSet<>();
        statuses.forEach(s -> {
            if (!codes.add(s.code())) {
                throw new IllegalArgumentException("follow-up status '" + s.code() + "' is repeated");
            }
        });
        interview = unique(interview, "interview");
        observation = unique(observation, "observation");
        note = note == null || note.isEmpty()
                ? List.of(new FieldDefinition("text", "メモ", FieldType.TEXT, List.of(), true)) : unique(note, "note");
    }

    public Status initial() {
        return statuses.get(0);
    }

    public Status closing() {
        return statuses.get(statuses.size() - 1);
    }

    public Optional<Status> status(String code) {
        return statuses.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public String statusLabel(String code) {
        return status(code).map(Status::label).orElse(code);
    }

    public List<FieldDefinition> fields(EntryKind kind) {
        return switch (kind) {
            case INTERVIEW -> interview;
            case OBSERVATION -> observation;
            case NOTE -> note;
        };
    }

    /** The typed values of a record of this kind from what was entered; unknown keys are refused. */
    public Map<String, Object> parse(EntryKind kind, Map<String, List<String>> entered) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        List<FieldDefinition> fields = fields(kind);
        for (String key : entered.keySet()) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                throw new IllegalArgumentException("項目「" + key + "」はこの記録にありません");
            }
        }
        for (FieldDefinition f : fields) {
            out.put(f.key(), f.parse(entered.get(f.key())));
        }
        return out;
    }

    private static List<FieldDefinition> unique(List<FieldDefinition> fields, String what) {
        List<FieldDefinition> out = fields == null ? List.of() : List.copyOf(fields);
        Set<String> keys = new HashSet<>();
        out.forEach(f -> {
            if (!keys.add(f.key())) {
                throw new IllegalArgumentException("follow-up " + what + " field '" + f.key() + "' is repeated");
            }
        });
        return out;
    }
}
