package io.todoke.store.followup;

/** The lists a ward works from. */
public enum WorkList {
    /** Open cases assigned to the signed-in nurse. */
    MINE("自分の担当"),
    /** Still in the first status longer than {@code todoke.followup.first-contact-within} after assignment. */
    NO_FIRST_CONTACT("初回連絡なし"),
    /** Observation ends today (Asia/Tokyo). */
    OBSERVATION_ENDS_TODAY("本日観察終了"),
    /** Cases in one status (every status when none is given), closed ones included. */
    BY_STATUS("状態別");

    private final String label;

    WorkList(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
