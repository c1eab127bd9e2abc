package io.todoke.app.review;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The reasons the queue shows. The engine's generic low-confidence reason is on nearly every case and, like the
 * store's "field key: 確認が必要です" for a doubtful field without a message, says nothing the count of doubtful
 * fields does not (and the latter shows a code, not a label): both are left out, only specific reasons remain.
 */
final class QueueReasons {

    /** The engine's reason for a doubtful field without a more specific one (FormPageReader's MSG_LOW). */
    static final Set<String> GENERIC = Set.of("読み取りの確信度が低いため確認してください");

    /** The store's reason for a doubtful field the engine gave no message for (FaxStore.insertForm). */
    private static final Pattern FIELD_NEEDS_REVIEW = Pattern.compile("[a-z0-9_]+: 確認が必要です");

    private QueueReasons() {
    }

    static boolean generic(String reason) {
        return GENERIC.contains(reason) || FIELD_NEEDS_REVIEW.matcher(reason).matches();
    }

    static List<String> specific(List<String> reasons) {
        return reasons.stream().filter(r -> !generic(r)).toList();
    }

    static Map<String, Long> specific(Map<String, Long> counts) {
        Map<String, Long> kept = new TreeMap<>(counts);
        kept.keySet().removeIf(QueueReasons::generic);
        return kept;
    }
}
