package io.todoke.store.followup;

/** What a follow-up record is. */
public enum EntryKind {
    /** The first interview (疫学調査): one per case, corrected by revisions. */
    INTERVIEW,
    /** A health-observation entry (健康観察). */
    OBSERVATION,
    /** A free note. */
    NOTE;

    public String label() {
        return switch (this) {
            case INTERVIEW -> "疫学調査";
            case OBSERVATION -> "健康観察";
            case NOTE -> "メモ";
        };
    }
}
