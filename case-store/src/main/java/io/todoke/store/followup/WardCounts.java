package io.todoke.store.followup;

import java.util.Map;

/**
 * A ward's follow-up at a glance.
 *
 * @param ward           the ward (null: cases whose ward is not known)
 * @param byStatus       case count by status code
 * @param noFirstContact cases without first contact after the configured hours
 * @param endingToday    cases whose observation ends today
 * @param hospitalised   open cases whose patient stays in hospital (入院中)
 */
public record WardCounts(String ward, Map<String, Long> byStatus, long noFirstContact, long endingToday,
                         long hospitalised) {

    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
