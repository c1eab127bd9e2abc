package io.todoke.store.cases;

/** A notification case's life from reading to the search index. */
public enum CaseState {
    /** At least one field needs a clerk, or the page was not recognised. */
    AWAITING_REVIEW,
    /** Every field ok and every rule satisfied: accepted without review. */
    AUTO_CONFIRMED,
    /** A clerk confirmed it. */
    CONFIRMED,
    /** Written to the search index (after AUTO_CONFIRMED or CONFIRMED). */
    INDEXED,
    /** A clerk rejected it (not a notification form, unreadable, ...), with a reason. */
    REJECTED
}
