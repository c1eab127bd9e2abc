package io.todoke.store.doublecheck;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The blind second entry of some fields of a case.
 *
 * @param fields       the field keys typed twice
 * @param firstValues  the first clerk's values by field key (never shown to the second clerk)
 * @param secondValues the second clerk's values, once typed
 */
public record DoubleCheck(UUID caseId, List<String> fields, Stage stage,
                          String firstClerk, Map<String, Object> firstValues, Instant firstAt,
                          String secondClerk, Map<String, Object> secondValues, Instant secondAt,
                          String decidedBy, Instant decidedAt) {

    public enum Stage {
        /** Waiting for a second clerk to type the fields blind. */
        SECOND,
        /** The two entries disagree: waiting for a lead's decision. */
        LEAD,
        /** Confirmed, by agreement or by a lead. */
        DONE
    }

    /**
     * The fields whose two entries differ. Text is compared as everywhere in the project, ignoring white space
     * (after NFKC): 兵庫 県 神戸 市 accepted as read and 兵庫県神戸市 typed are one address.
     */
    public List<String> disagreements() {
        if (secondValues == null) {
            return List.of();
        }
        return fields.stream().filter(k -> !same(firstValues.get(k), secondValues.get(k))).toList();
    }

    static boolean same(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return squash(x).equals(squash(y));
        }
        return java.util.Objects.equals(a, b);
    }

    private static String squash(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
