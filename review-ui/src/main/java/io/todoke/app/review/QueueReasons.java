package io.todoke.app.review;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reasons the queue shows. The engine's generic low-confidence reason is on nearly every case and says
 * nothing the count of doubtful fields does not, so it is left out; only specific reasons remain.
 */
final class QueueReasons {

    /** The engine's reason for a doubtful field without a more specific one (FormPageReader's MSG_LOW). */
    static final Set<String> GENERIC = Set.of("読み取りの確信度が低いため確認してください");

    private QueueReasons() {
    }

    static List<String> specific(List<String> reasons) {
        return reasons.stream().filter(r -> !GENERIC.contains(r)).toList();
    }

    static Map<String, Long> specific(Map<String, Long> counts) {
        Map<String, Long> kept = new TreeMap<>(counts);
        kept.keySet().removeAll(GENERIC);
        return kept;
    }
}
