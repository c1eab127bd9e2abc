package io.todoke.store.followup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One follow-up record and its revisions, the latest first.
 *
 * @param entryId   the record; its revisions share it
 * @param kind      interview, observation or note
 * @param revisions every version of it, latest first (the first written is the last)
 */
public record FollowUpEntry(UUID entryId, EntryKind kind, List<Revision> revisions) {

    /** One version of a record: the values as then entered, who entered them and when. */
    public record Revision(int revision, Map<String, Object> values, String author, Instant at) {
    }

    public Revision current() {
        return revisions.get(0);
    }

    public Map<String, Object> values() {
        return current().values();
    }

    /** The first author and time: when the record was made. */
    public Revision created() {
        return revisions.get(revisions.size() - 1);
    }

    public boolean corrected() {
        return revisions.size() > 1;
    }
}
